job "categories-api" {
  datacenters = ["dev-lab"]
  type        = "service"

  constraint {
    attribute = "${meta.rkt}"
    value     = "1"
  }

  group "service" {
    network {
      mbits = 10

      port "app" {}
    }

    service {
      task = "api"

      name = "categories-api"
      tags = ["luca"]
      port = "app"

      check {
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
        # MIG001 image = "https://raw.githubusercontent.com/caseycurry/LucaOpsEnvironment/master/container
        #   s/categories-api.test.aci": no equivalent: podman reads no ACIs. Convert the ACI to an OCI image
        #   as for docker, push it and name it as `docker://REF`
        image = "https://raw.githubusercontent.com/caseycurry/LucaOpsEnvironment/master/containers/categories-api.test.aci"

        # MIG001 port_map.app = "http": not resolvable without the image manifest: look the port number up
        #   in the ACI's manifest and write `port_map { <label> = <number> }`; until then the label stays
        #   unmapped
        ports = ["app"]

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
