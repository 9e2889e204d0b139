job "alpha" {
  datacenters = ["dc1"]
  group "g" {
    count = 2
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/alpha:1.0"
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
