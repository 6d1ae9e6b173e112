variable "image" {
  type = string
}

module "worker" {
  source = "../worker"
  image  = var.image
}
