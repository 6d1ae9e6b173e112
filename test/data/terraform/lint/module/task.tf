# A Fargate task definition; its service is in service.tf, in the same module (folder).
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = "512"
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = var.image
      essential    = true
      privileged   = true
      portMappings = [{ containerPort = 8080 }]
      environment  = [{ name = "PORT", value = 8080 }]
      logConfiguration = {
        logDriver = "awslogs"
        options   = var.log_options
      }
    },
  ])
}
