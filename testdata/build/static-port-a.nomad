# Two jobs reserving the same static port (static-port-a and static-port-b):
# fine each on its own; built together for one host the second cannot be
# placed (RKT024): Nomad's scheduler would put them on different clients.
job "cache-a" {
  datacenters = ["dc1"]
  group "g" {
    task "t" {
      driver = "rkt"
      config {
        image            = "docker://redis:3.2"
        insecure_options = ["image"]
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
