job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      vault {
        policies = ["app"]
        env      = false
      }
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
