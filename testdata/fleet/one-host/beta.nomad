job "beta" {
  datacenters = ["dc1"]
  group "g" {
    count = 2
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/beta:1.0"
        port_map {
          http  = "80-tcp"
          admin = "81-tcp"
        }
      }
      resources {
        network {
          port "http" {}
          port "admin" {}
        }
      }
    }
  }
}
