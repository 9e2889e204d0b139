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
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG001 image = "legeyda.com/anyorigin": no OCI counterpart: podman cannot fetch appc images.
        #   Build or convert an OCI image, push it to a registry and name it as `docker://REF`
        image = "legeyda.com/anyorigin"

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "/etc/resolv.conf:/etc/resolv.conf",
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]

        # MIG001 port_map.app = "http": not resolvable without the image manifest: look the port number up
        #   in the ACI's manifest and write `port_map { <label> = <number> }`; until then the label stays
        #   unmapped
        ports = ["app"]
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
