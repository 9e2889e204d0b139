job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "app" {
      driver = "rkt"
      config {
        image            = "example.com/app:1.0"
        insecure_options = ["none"]
      }
      resources {
        cpu    = 250
        memory = 64
      }
    }
  }
}
