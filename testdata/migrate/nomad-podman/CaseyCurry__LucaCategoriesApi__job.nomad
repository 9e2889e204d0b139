job "luca-services-categories-api" {
  datacenters = ["dev-lab"]
  type        = "service"

  constraint {
    attribute = "${attr.driver.podman}"
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
      driver = "podman"

      config {
        # MIG003 insecure_options = "image": no per-task equivalent: host `registries.conf` (`insecure =
        #   true`) and `policy.json`
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the podman driver
        #   (`${driver.podman}`)
        # MIG001 image = "luca.com/categories-api:latest": no OCI counterpart: podman cannot fetch appc
        #   images. Build or convert an OCI image, push it to a registry and name it as `docker://REF`
        image = "luca.com/categories-api:latest"

        # MIG001 port_map.app = "http": not resolvable without the image manifest: look the port number up
        #   in the ACI's manifest and write `port_map { <label> = <number> }`; until then the label stays
        #   unmapped
        ports = ["http"]

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }

      resources {
        cpu    = 125 # 125Mhz
        memory = 64 # 64MB
      }
    }
  }
}
