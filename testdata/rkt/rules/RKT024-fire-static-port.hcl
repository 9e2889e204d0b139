# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    count = 2
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
        port_map {
          http = "80-tcp"
        }
      }
      resources {
        network {
          port "http" {
            static = 8080
          }
        }
      }
    }
  }
}
