job "web" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "equals"
    value     = "linux"
  }
  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }
      constraint {
        distinct_hosts = true
      }

    }
  }

}
