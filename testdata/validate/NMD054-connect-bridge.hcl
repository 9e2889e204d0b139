job "web" {
  datacenters = ["dc1"]
  group "g" {
    network {
      mode = "host"
    }
    service {
      name = "api"
      port = "9090"
      connect {
        sidecar_service {}
      }
    }
    task "t" {
      driver = "rkt"
    }
  }
}
