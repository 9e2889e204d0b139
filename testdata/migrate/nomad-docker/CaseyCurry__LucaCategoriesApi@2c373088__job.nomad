job "luca-services-categories-api" {
  datacenters = ["devlab"]
  type        = "service"

  constraint {
    attribute = "${attr.driver.docker}"
    value     = "1"
  }

  group "service" {
    network {
      mbits = 10

      port "http" {}
    }

    service {
      task = "api"

      name = "luca-services-categories-api"
      port = "http"

      check {
        name     = "healthy"
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
      }
    }

    restart {
      attempts = 10
      interval = "5m"
      delay    = "15s"
      mode     = "delay"
    }

    task "api" {
      driver = "docker"

      config {
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the docker driver
        #   (`${driver.docker}`), or the job cannot be placed on clients without rkt
        # MIG001 image = "luca.com/categories-api:latest": no OCI counterpart: Docker cannot fetch appc
        #   images. Build or convert an OCI image (e.g. rebuild from the source Dockerfile, or `docker
        #   import` the ACI's rootfs), push it to a registry and name it in `image`
        image = "luca.com/categories-api:latest"

        # MIG001 port_map.app = "http": not resolvable without the image manifest: the port number behind
        #   the name is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write `port_map {
        #   <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container port). Until then the
        #   rewrite leaves the label unmapped: the container port equals the host port
        ports = ["http"]

        # MIG003 insecure_options = "image": no per-task equivalent: registry TLS and plain HTTP are
        #   daemon configuration (`insecure-registries` in `daemon.json`); Docker verifies no image
        #   signatures
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        cpu    = 125 # 125Mhz
        memory = 64 # 64MB
      }
    }
  }
}
