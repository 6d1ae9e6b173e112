resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = var.cluster
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = var.target_group_arn
    container_name   = "web"
    container_port   = 9090
  }
}
