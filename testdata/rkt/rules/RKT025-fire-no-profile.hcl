# Nomad never resolves ${driver.rkt.version}: an error with or without a profile.
job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${driver.rkt.version}"
    value     = "1.30.0"
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
