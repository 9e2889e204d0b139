job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.driver.docker}"
    operator  = "is_not_set"
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
