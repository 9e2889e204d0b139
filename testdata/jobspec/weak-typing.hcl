job "x" {
  datacenters = "dc1"
  priority = "0x10"
  all_at_once = "T"
  meta {
    flag = true
    perms = 0644
    i = 0x10
    f = 2.0
    big = 1e21
    half = 1.5
  }
  group "g" {
    count = 2.7
    task "t" {
      driver = "rkt"
      kill_timeout = 5
      shutdown_delay = "1h30m"
      leader = 1
      template {
        destination = "local/x"
        splay = "1.5s"
      }
      constraint {
        attribute = "${attr.kernel.name}"
        value = "linux"
      }
      constraint {
        distinct_hosts = false
      }
      constraint {
        distinct_property = "${meta.rack}"
        value = 2
      }
      constraint {
        version = ">= 1.2"
        attribute = "${attr.driver.rkt.version}"
      }
      vault {
        policies = ["p"]
      }
      config {
        image = "a"
      }
      config {
        image = "b"
        args = ["x"]
      }
    }
  }
}
