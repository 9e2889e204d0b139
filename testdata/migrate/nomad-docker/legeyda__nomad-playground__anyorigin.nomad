job "anyorigin" {
  datacenters = ["dc1"]

  type = "service"

  # constraint {
  #   attribute = "${attr.kernel.name}"
  #   value     = "linux"
  # }
  update {
    stagger      = "10s"
    max_parallel = 1
  }

  group "cache" {
    network {
      mbits = 10

      port "app" {}
    }

    service {
      task = "anyorigin"

      name = "anyorigin-service"
      tags = ["global", "cache"]
      port = "app"

      check {
        name     = "alive"
        type     = "tcp"
        interval = "10s"
        timeout  = "2s"
      }
    }

    count = 1

    restart {
      attempts = 10
      interval = "5m"

      delay = "25s"

      mode = "delay"
    }

    ephemeral_disk {
      size = 300
    }

    task "anyorigin" {
      driver = "docker"

      config {
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG001 image = "legeyda.com/anyorigin": no OCI counterpart: Docker cannot fetch appc images.
        #   Build or convert an OCI image (e.g. rebuild from the source Dockerfile, or `docker import` the
        #   ACI's rootfs), push it to a registry and name it in `image`
        image = "legeyda.com/anyorigin"

        # MIG002 volumes[0] = "/etc/resolv.conf:/etc/resolv.conf": `volumes = ["/host:/container"]` as
        #   written; the client needs `plugin "docker" { config { volumes { enabled = true } } }` (default
        #   false)
        volumes = ["/etc/resolv.conf:/etc/resolv.conf"]

        # MIG001 port_map.app = "http": not resolvable without the image manifest: the port number behind
        #   the name is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write `port_map {
        #   <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container port). Until then the
        #   rewrite leaves the label unmapped: the container port equals the host port
        ports = ["app"]

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        cpu    = 500
        memory = 256
      }

      env {
        CONSUL_HTTP_ADDR = "${NOMAD_IP_app}:8500"
      }
    }
  }
}
