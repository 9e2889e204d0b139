provider "nomad" {
  address = "http://nomad:4646"
}

variable "image" {
  default = "redis:3.2"
}

resource "nomad_job" "app" {
  jobspec = file("${path.module}/app.nomad")
}
