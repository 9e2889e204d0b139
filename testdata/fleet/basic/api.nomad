job "api" {
  datacenters = ["east", "west"]
  group "api" {
    count = 2
    constraint {
      attribute = "${meta.role}"
      value     = "web"
    }
    task "api" {
      driver = "rkt"
      config {
        image = "example.com/api:1.0"
        port_map {
          http = "9000-tcp"
        }
      }
      resources {
        memory = 512
        network {
          port "http" {
            static = 9000
          }
        }
      }
    }
  }
}
