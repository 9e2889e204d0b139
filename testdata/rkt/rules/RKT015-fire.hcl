job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://redis:3.2"
        insecure_options = ["image"]
        port_map {
          http = 6379
        }
      }
      resources {
        network {
          port "http" {}
        }
      }
    }
  }
}
