resource "aws_ecs_task_definition" "suppressed" {
  family                   = "suppressed"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name  = "a"
      image = "nginx:1.27"
      # ecslint-disable-next-line fargate-no-privileged -- a hash comment
      privileged = true
    },
    {
      name       = "b"
      image      = "nginx:1.27"
      privileged = true // ecslint-disable-line fargate-no-privileged -- a slash comment
    },
    {
      name       = "c"
      image      = "nginx:1.27"
      privileged = true
    },
  ])
}
