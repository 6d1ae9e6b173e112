resource "aws_ecs_task_definition" "from_file" {
  family                   = "from-file"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = file("${path.module}/task-definitions/app.json")
}

resource "aws_ecs_task_definition" "from_template" {
  family                   = "from-template"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = templatefile("${path.module}/templates/app.json.tpl", {
    image = "nginx:1.27"
    port  = 8080
    mode  = var.mode
  })
}
