resource "aws_ecs_task_definition" "broken" {
  family = "broken"
  container_definitions = jsonencode([
    { name = "web", image = "nginx" }
  )
}
