[
  {
    "name": "app",
    "image": "${image}",
    "cpu": ${cpu},
    "environment": [
      { "name": "ROLE", "value": "${role}" },
      { "name": "LITERAL", "value": "$${not_a_placeholder}" }
    ],
    "privileged": true
  }
]
