job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "web_x" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
