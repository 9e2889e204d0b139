job "web" {
  datacenters = ["dc1"]
  group "g" {
    task "t" {
      driver = "rkt"
      resources {
        device "nvidia/gpu" {
          constraint {
            distinct_hosts = true
          }
          affinity {
            attribute = "${device.model}"
            value     = "Tesla"
            weight    = 0
          }
        }
      }
    }
  }
}
