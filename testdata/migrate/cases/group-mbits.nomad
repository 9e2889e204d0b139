# Task network ports joining a group network: the tasks' `mbits` are added
# to the group network's (its own, or Nomad's default 10 when it sets none).
job "bandwidth" {
  datacenters = ["dc1"]

  group "default-mbits" {
    network {
      mode = "bridge"

      port "metrics" {
        to = 9100
      }
    }

    task "web" {
      driver = "rkt"

      config {
        image    = "docker://nginx:1.19"
        port_map = { http = "80-tcp" }
      }

      resources {
        network {
          mbits = 20
          port "http" {}
        }
      }
    }
  }

  group "set-mbits" {
    network {
      mbits = 50
      port "metrics" {}
    }

    task "a" {
      driver = "rkt"

      config {
        image = "docker://redis:6"
      }

      resources {
        network {
          mbits = 5
          port "db" {
            static = 6379
          }
        }
      }
    }

    task "b" {
      driver = "rkt"

      config {
        image = "docker://busybox:1.32"
      }

      resources {
        network {
          mbits = 7
          port "admin" {}
        }
      }
    }
  }

  group "no-task-mbits" {
    network {
      mbits = 40
    }

    task "web" {
      driver = "rkt"

      config {
        image = "docker://nginx:1.19"
      }

      resources {
        network {
          port "http" {}
        }
      }
    }
  }
}
