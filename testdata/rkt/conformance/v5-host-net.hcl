job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "web" {
      driver = "rkt"
      config {
        image       = "docker://nginx:1.15"
        net         = ["host"]
        dns_servers = ["host"]
      }
      resources {
        cpu    = 200
        memory = 128
        network {
          port "http" {
            static = 80
          }
        }
      }
    }
  }
}
