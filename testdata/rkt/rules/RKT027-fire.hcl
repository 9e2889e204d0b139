job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "Web.x_y" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
