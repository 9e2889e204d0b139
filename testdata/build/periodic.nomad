# A periodic batch job: a timer instead of a boot-time start.
job "report" {
  datacenters = ["dc1"]
  type        = "batch"

  periodic {
    cron             = "30 1 1-7 * mon-fri"
    time_zone        = "America/New_York"
    prohibit_overlap = true
  }

  group "g" {
    task "run" {
      driver = "rkt"
      config {
        image = "docker://busybox:1.31"
        command = "/bin/date"
      }
    }
  }
}
