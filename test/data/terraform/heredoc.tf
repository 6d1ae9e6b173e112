resource "aws_ecs_task_definition" "heredoc" {
  family = "heredoc"
  container_definitions = <<EOF
[
  {
    "name": "web",
    "image": "${var.image}",
    "memory": ${var.memory},
    "privileged": true
  }
]
EOF
}

resource "aws_ecs_task_definition" "indented" {
  family = "indented"
  container_definitions = <<-JSON
    [
    	{
    		"name": "web",
    		"image": "nginx:1.27",
    		"readonlyRootFilesystem": false
    	}
    ]
    JSON
}

resource "aws_ecs_task_definition" "quoted" {
  family                = "quoted"
  container_definitions = "[{\"name\": \"web\", \"image\": \"nginx\", \"command\": [\"echo \\\"hi\\\"\\n\"], \"privileged\": true}]"
}
