job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${driver.rkt.version}"
    operator  = ">"
    value     = "1.2"
  }
  group "g" {
    task "t" {
      driver = "rkt"
      config {
        imgae = "example.com/app:1.0"
      }
    }
  }
}
