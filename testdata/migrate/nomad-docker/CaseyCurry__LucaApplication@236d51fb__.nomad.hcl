job "luca-app" {
  type        = "service"
  datacenters = ["dev-lab"]

  constraint {
    attribute = "${meta.rkt}"
    operator  = "="
    value     = "1"
  }

  group "service" {
    network {
      mbits = 10

      port "app" {}
    }

    service {
      task = "client"

      name = "luca-app"
      tags = ["luca", "client"]
      port = "app"

      check {
        name     = "Luca App Healthy"
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
      }
    }

    count = 1

    task "client" {
      driver = "docker"

      config {
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG001 image = "http://192.168.56.110/luca-app.{{version}}.aci": no equivalent: an ACI is not an
        #   OCI image and `load` takes Docker archives only. Convert it (extract the ACI's `rootfs/` and
        #   `docker import` it, adding the manifest's exec, ports and environment to a Dockerfile), push it
        #   to a registry and name it in `image`
        image = "http://192.168.56.110/luca-app.{{version}}.aci"

        # MIG001 port_map.app = "http": not resolvable without the image manifest: the port number behind
        #   the name is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write `port_map {
        #   <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container port). Until then the
        #   rewrite leaves the label unmapped: the container port equals the host port
        ports = ["app"]

        # MIG003 insecure_options = "image": no per-task equivalent: registry TLS and plain HTTP are
        #   daemon configuration (`insecure-registries` in `daemon.json`); Docker verifies no image
        #   signatures
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        cpu    = 150
        memory = 64
      }

      logs {
        max_files     = 5
        max_file_size = 10
      }
    }

    restart {
      interval = "5m0s"
      attempts = 10
      delay    = "25s"
      mode     = "delay"
    }

    ephemeral_disk {
      size = 100
    }
  }
}
