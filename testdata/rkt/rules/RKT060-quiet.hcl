# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
