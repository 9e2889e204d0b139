# Whether a task's services move to the group does not depend on the order
# of the tasks: in both groups every rkt task's service moves, also that of
# the task without ports, written before or after the task with ports.
job "order" {
  datacenters = ["dc1"]

  group "portless-first" {
    task "sidecar" {
      driver = "rkt"

      config {
        image = "docker://busybox:1.32"
      }

      service {
        name = "sidecar"
        tags = ["aux"]
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
          port "http" {}
        }
      }

      service {
        port = "http"
      }
    }
  }

  group "ports-first" {
    task "web" {
      driver = "rkt"

      config {
        image    = "docker://nginx:1.19"
        port_map = { http = "80-tcp" }
      }

      resources {
        network {
          port "http" {}
        }
      }

      service {
        port = "http"
      }
    }

    task "sidecar" {
      driver = "rkt"

      config {
        image = "docker://busybox:1.32"
      }

      service {
        name = "sidecar"
        tags = ["aux"]
      }
    }
  }
}
