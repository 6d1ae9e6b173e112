resource "aws_ecs_task_definition" "from_file" {
  family                = "from-file"
  container_definitions = "${file("task-definitions/service.json")}"
}

resource "aws_ecs_task_definition" "from_template" {
  family = "from-template"
  container_definitions = templatefile("${path.module}/templates/containers.json.tpl", {
    image = "nginx:1.27"
    cpu   = 256
    role  = var.role
  })
}
