job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "redis" {
      driver = "rkt"
      config {
        image = "docker://redis:3.2"
        port_map {
          db      = "6379-tcp"
          metrics = "9121-tcp"
        }
      }
      resources {
        cpu    = 500
        memory = 256
        network {
          mbits = 10
          port "db" {
            static = 6379
          }
          port "metrics" {}
        }
      }
    }
  }
}
