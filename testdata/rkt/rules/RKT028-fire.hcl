job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
        net = ["none"]
        port_map {
          http = "80-tcp"
        }
      }
      resources {
        network {
          port "http" {}
        }
      }
    }
  }
}
