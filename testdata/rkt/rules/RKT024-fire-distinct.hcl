# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    count = 2
    constraint {
      distinct_hosts = true
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
