# A task definition and a service written the way most modules write them.
locals {
  name = "web"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.exec.arn

  container_definitions = jsonencode([
    {
      name  = local.name
      image = "nginx:1.27"
      # ecslint-disable-next-line container-privileged -- the sidecar needs it
      "privileged" = true
      environment = [
        { name = "MODE", value = var.mode },
      ]
      linuxParameters = {
        initProcessEnabled = true
        capabilities       = var.capabilities
      }
    },
    var.sidecar,
  ])

  volume {
    name      = "data"
    host_path = "/ecs/data"
  }

  volume {
    name = "cache"
    efs_volume_configuration {
      file_system_id = "fs-0123456789abcdef0"
    }
  }

  dynamic "volume" {
    for_each = var.extra_volumes
    content {
      name = volume.value
    }
  }
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.web.arn // the task definition above
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [var.subnet_id]
    assign_public_ip = true
  }

  /* ecslint-disable service-public-ip */
  ordered_placement_strategy {
    type  = "spread"
    field = "attribute:ecs.availability-zone"
  }
}
