job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.driver.rkt.version}"
    operator  = "version"
    value     = "> 1.2"
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
