job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "sleeper" {
      driver = "rkt"
      user   = "nobody"
      config {
        image      = "docker://redis:3.2-alpine"
        group      = "nogroup"
        command    = "sleep"
        args       = ["9000"]
        net        = ["none"]
        no_overlay = true
      }
      resources {
        cpu    = 100
        memory = 128
      }
    }
  }
}
