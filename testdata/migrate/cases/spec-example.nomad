# targets.md §4.7: the rkt task of the conversion example
job "cache" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${driver.rkt}"
    value     = "1"
  }

  group "cache" {
    task "cache" {
      driver = "rkt"
      user   = "redis"

      config {
        # the image comes from Docker Hub
        image        = "docker://redis:3.2"
        command      = "/usr/local/bin/redis-server"
        args         = ["--port", "6379"]
        port_map     { db = "6379-tcp" }
        dns_servers  = ["10.0.0.2"]
        volumes      = ["/srv/redis:/data:readOnly"]
        trust_prefix = "example.com/keys"
        debug        = true
      }

      resources {
        cpu    = 500
        memory = 256

        network {
          port "db" {}
        }
      }
    }
  }
}
