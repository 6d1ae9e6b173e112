# A Fargate service and its task definition with mistakes that AWS rejects at deploy time.
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "bridge" # Fargate takes awsvpc only
  cpu                      = 256
  memory                   = 4096 # 0.25 vCPU takes 512, 1024 or 2048 MiB
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name       = "web"
      image      = "${var.registry}/web:${var.tag}"
      essential  = true
      privileged = true # not on Fargate
      portMappings = [{ containerPort = 8080 }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/web"
          awslogs-region        = var.region
          awslogs-stream-prefix = "web"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets = var.private_subnet_ids
  }

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 80 # the container listens on 8080
  }
}
