job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "redis" {
      driver = "rkt"
      config { image = "docker://redis:3.2" }
      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
