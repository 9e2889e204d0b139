# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    count = 2
    constraint {
      attribute = "${attr.driver.rkt.version}"
      operator  = "version"
      value     = ">= 1.27.0"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
