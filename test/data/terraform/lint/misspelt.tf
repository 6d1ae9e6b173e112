resource "aws_ecs_task_definition" "misspelt" {
  family = "misspelt"
  container_definitions = jsonencode([
    {
      Name      = "app"
      Image     = "nginx"
      Memory    = 256
      privilege = true
    },
  ])

  inference_accelerators {
    device_name = "device_1"
    device_type = "eia2.medium"
  }
}
