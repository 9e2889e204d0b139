job "web" {
  datacenters = ["east", "west"]
  group "front" {
    count = 3
    constraint {
      distinct_hosts = true
    }
    task "server" {
      driver = "rkt"
      config {
        image    = "example.com/web:1.0"
        port_map {
          http = "8080-tcp"
        }
      }
      resources {
        memory = 256
        network {
          port "http" {}
        }
      }
    }
  }
}
