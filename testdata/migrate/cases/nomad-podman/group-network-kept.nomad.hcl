job "kept" {
  datacenters = ["dc1"]

  group "g" {
    count = 1

    network {
      mode = "bridge"

      port "http" {
        to = 8080
      }
    }

    task "web" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 NOMAD_PORT_http = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
        # MIG002 group network = mode = "bridge": a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG002 image = "docker://nginx:1.19": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://nginx:1.19"

        # MIG002 port_map.http = "80-tcp": `port_map { <label> = <port> }`; published for tcp and udp on
        #   the node's IP
        port_map {
          http = 80
        }

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
        network {
          mbits = 10

          port "http" {}
        }
      }
    }
  }
}
