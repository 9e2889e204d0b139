job "every" {
  datacenters = ["dc1"]
  type        = "batch"

  group "g" {
    network {
      mode = "bridge"

      port "grp" {
        to = 8080
      }
    }

    volume "shared" {
      type   = "host"
      source = "shared"
    }

    task "aci" {
      driver = "rkt"

      config {
        image            = "https://example.com/app-1.0.aci"
        args             = ["--listen", "${NOMAD_PORT_http}"]
        insecure_options = ["image", "all-run"]
        port_map {
          http = "http"
        }
        port_map {
          admin = "9000-udp"
        }
        net                = ["backend:IP=10.1.2.3"]
        dns_servers        = ["host"]
        dns_search_domains = ["example.com"]
        group              = "staff"
        no_overlay         = true
      }

      volume_mount {
        volume      = "shared"
        destination = "/srv"
      }

      kill_signal = "SIGTERM"

      resources {
        network {
          port "admin" {
            static = 9000
          }

          port "http" {}
        }
      }
    }

    task "hostnet" {
      driver = "rkt"
      user   = "app"

      config {
        image            = "docker:busybox"
        net              = ["host"]
        port_map         = [{ web = "80" }]
        dns_servers      = ["none"]
        volumes          = ["data:/data", "/etc/x:/x:bogus", "/a:/b"]
        insecure_options = ["seccomp,paths", "capabilities"]
        group            = "/etc/group-owner"
        unknown_key      = 1
      }

      resources {
        network {
          port "web" {}
        }
      }
    }

    task "side" {
      driver = "exec"

      config {
        command = "/bin/true"
      }
    }
  }
}
