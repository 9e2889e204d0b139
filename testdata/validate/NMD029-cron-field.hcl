job "backup" {
  type        = "batch"
  datacenters = ["dc1"]
  periodic {
    cron      = "61 * * * *"
    time_zone = "Mars/Olympus"
  }
  group "g" {
    task "t" {
      driver = "rkt"
    }
  }
}
