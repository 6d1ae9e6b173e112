[
  {
    "name": "app",
    "image": "${image}",
    "essential": true,
    "portMappings": [{ "containerPort": ${port}, "hostPort": 80 }],
    "environment": [{ "name": "MODE", "value": "${mode}" }]
  }
]
