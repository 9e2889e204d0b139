# node: --node
job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "\\blinux\\b"
  }
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
