job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "app" {
      driver = "rkt"
      config {
        image            = "example.com/app:1.0"
        trust_prefix     = "example.com/app"
        insecure_options = ["image", "tls"]
      }
      resources {
        cpu    = 250
        memory = 64
      }
    }
  }
}
