# Two allocations reserving the same static port cannot share one host:
# the systemd target reports GEN011 (and still writes the units).
job "clash" {
  datacenters = ["dc1"]
  group "g" {
    count = 2
    task "t" {
      driver = "rkt"
      config {
        image = "docker://redis:3.2"
        port_map { db = "6379-tcp" }
      }
      resources {
        network {
          port "db" { static = 6379 }
        }
      }
    }
  }
}
