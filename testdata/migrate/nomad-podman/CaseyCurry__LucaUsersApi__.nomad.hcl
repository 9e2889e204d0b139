job "users-api" {
  type        = "service"
  datacenters = ["dev-lab"]

  constraint {
    attribute = "${meta.rkt}"
    operator  = "="
    value     = "1"
  }

  constraint {
    attribute = "${meta.couchdb}"
    operator  = "="
    value     = "1"
  }

  group "service" {
    network {
      mbits = 10

      port "app" {}
    }

    service {
      task = "api"

      name = "users-api"
      tags = ["luca"]
      port = "app"

      check {
        name     = "Users Api Healthy"
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
      }
    }

    count = 1

    task "api" {
      driver = "podman"

      config {
        # MIG003 insecure_options = "image": no per-task equivalent: host `registries.conf` (`insecure =
        #   true`) and `policy.json`
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG001 image = "http://192.168.56.110/users-api.{{version}}.aci": no equivalent: podman reads no
        #   ACIs. Convert the ACI to an OCI image as for docker, push it and name it as `docker://REF`
        image = "http://192.168.56.110/users-api.{{version}}.aci"

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
