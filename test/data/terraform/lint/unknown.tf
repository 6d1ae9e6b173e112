# Values a linter cannot know: none of them may be reported as an error.
resource "aws_ecs_task_definition" "unknown" {
  family                   = "${var.prefix}-app"
  requires_compatibilities = var.fargate ? ["FARGATE"] : ["EC2"]
  network_mode             = var.network_mode
  cpu                      = local.sizes[var.size].cpu
  memory                   = lookup(var.memory, var.size)
  execution_role_arn       = aws_iam_role.exec[*].arn[0]

  container_definitions = jsonencode(concat([for c in var.containers : merge(c, { essential = true })], [
    {
      name        = "sidecar"
      image       = "${var.registry}/sidecar:${var.tag}"
      essential   = false
      memory      = var.sidecar_memory
      dependsOn   = var.depends_on_app ? [{ containerName = "app", condition = "START" }] : []
      mountPoints = [for v in var.volumes : { sourceVolume = v, containerPath = "/mnt/${v}" }]
    },
  ]))

  dynamic "volume" {
    for_each = var.volumes
    content {
      name = volume.value
    }
  }
}

resource "aws_ecs_task_definition" "partly_known" {
  family                   = "partly-known"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name       = var.name
      image      = var.image
      essential  = true
      privileged = true
      mountPoints = [{ sourceVolume = "data", containerPath = "/data" }]
    },
    var.sidecar,
  ])

  dynamic "volume" {
    for_each = var.volumes
    content {
      name = volume.value
    }
  }
}

resource "aws_ecs_service" "unknown" {
  name            = var.name
  task_definition = aws_ecs_task_definition.unknown.arn
  launch_type     = var.launch_type
  desired_count   = var.count

  dynamic "capacity_provider_strategy" {
    for_each = var.strategy
    content {
      capacity_provider = capacity_provider_strategy.value.name
      weight            = capacity_provider_strategy.value.weight
    }
  }

  dynamic "network_configuration" {
    for_each = var.network_mode == "awsvpc" ? [1] : []
    content {
      subnets = var.subnets
    }
  }
}
