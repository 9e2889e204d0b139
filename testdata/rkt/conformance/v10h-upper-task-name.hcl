job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "Web" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
