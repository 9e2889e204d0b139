job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "side" {
      driver = "docker"
      config {
        image = "redis"
      }
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
