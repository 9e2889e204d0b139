job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://redis:3.2"
        trust_prefix = "example.com"
      }
    }
  }
}
