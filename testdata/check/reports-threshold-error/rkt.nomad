# rktc:ignore-file RKT023 -- migration tracked in OPS-7
job "web" {
  datacenters = ["dc1"]

  group "web" {
    task "app" {
      driver = "rkt"

      # rktc:ignore RKT020,RKT022 -- image mirrored and pinned internally
      config {
        image = "coreos.com/etcd:v2.0.4"
        debug = true
        net   = ["host", "none"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
