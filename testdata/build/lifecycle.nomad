# Lifecycle hooks, a leader, two allocations and a shutdown delay.
job "pipeline" {
  datacenters = ["dc1"]
  type        = "service"

  group "work" {
    count = 2

    restart {
      attempts = 4
      interval = "10m"
      delay    = "20s"
      mode     = "fail"
    }

    task "init" {
      driver = "rkt"
      lifecycle {
        hook = "prestart"
      }
      config {
        image = "docker://busybox:1.31"
        command = "/bin/true"
      }
    }

    task "proxy" {
      driver = "rkt"
      lifecycle {
        hook    = "prestart"
        sidecar = true
      }
      config {
        image = "docker://envoyproxy/envoy:v1.14.1"
      }
    }

    task "main" {
      driver         = "rkt"
      leader         = true
      kill_timeout   = "20s"
      kill_signal    = "SIGTERM"
      shutdown_delay = "3s"
      config {
        image        = "docker://redis:3.2"
        trust_prefix = "example.com/redis"
        args         = ["--port", "${NOMAD_PORT_db}"]
        port_map {
          db = "6379-tcp"
        }
      }
      resources {
        network {
          port "db" {}
        }
      }
    }

    task "announce" {
      driver = "rkt"
      lifecycle {
        hook = "poststart"
      }
      config {
        image   = "docker://busybox:1.31"
        command = "/bin/echo"
        args    = ["started"]
      }
    }
  }
}
