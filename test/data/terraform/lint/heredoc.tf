resource "aws_ecs_task_definition" "heredoc" {
  family                   = "heredoc"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = <<-DEFINITION
    [
      {
        "name": "app",
        "image": "${var.image}",
        "essential": true,
        "privileged": true,
        "portMappings": [{ "containerPort": ${var.port} }]
      }
    ]
  DEFINITION
}
