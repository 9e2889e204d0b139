job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      template {
        data        = "A=1"
        destination = "secrets/file.env"
        env         = true
      }
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
