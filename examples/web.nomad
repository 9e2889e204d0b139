# A small rkt job: one service task behind a dynamic port.
job "web" {
  datacenters = ["dc1"]
  type        = "service"

  group "frontend" {
    count = 1

    restart {
      attempts = 3
      interval = "5m"
      delay    = "15s"
      mode     = "delay"
    }

    task "nginx" {
      driver = "rkt"

      config {
        image        = "docker://nginx:1.19"
        trust_prefix = "docker.io/library/nginx"
        insecure_options = ["image"]
        port_map {
          http = "80-tcp"
        }
        dns_servers = ["8.8.8.8"]
      }

      resources {
        cpu    = 500
        memory = 256
        network {
          mbits = 10
          port "http" {}
        }
      }

      service {
        name = "web"
        port = "http"
        check {
          type     = "http"
          path     = "/"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}
