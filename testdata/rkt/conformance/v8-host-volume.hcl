job "web" {
  datacenters = ["dc1"]
  group "cache" {
    volume "pg" {
      type   = "host"
      source = "pgdata"
    }
    task "db" {
      driver = "rkt"
      volume_mount {
        volume      = "pg"
        destination = "/var/lib/postgresql/data"
      }
      config {
        image            = "docker://postgres:11"
        insecure_options = ["image"]
        volumes          = ["/a:/b"]
      }
      resources {
        cpu    = 1000
        memory = 1024
      }
    }
  }
}
