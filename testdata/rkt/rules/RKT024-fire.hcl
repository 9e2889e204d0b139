# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    constraint {
      attribute = "${attr.kernel.name}"
      value     = "windows"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
