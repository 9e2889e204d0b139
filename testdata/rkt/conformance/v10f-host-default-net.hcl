job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
        net   = ["host", "default"]
      }
      resources {
        network {
          port "http" {
            static = 80
          }
        }
      }
    }
  }
}
