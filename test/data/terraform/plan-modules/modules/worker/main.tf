variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "worker" {
  count  = 2
  family = "worker-${count.index}"

  container_definitions = <<-JSON
    [
      {
        "name": "worker",
        "image": "${var.image}",
        "memory": 256,
        "command": ["sh", "-c", "echo \"started\" && sleep 3600"],
        "readonlyRootFilesystem": false
      }
    ]
  JSON

  volume {
    name      = "scratch"
    host_path = "/ecs/scratch"
  }
}
