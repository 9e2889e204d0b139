job "echo" {
  datacenters = ["dc1"]

  group "echo" {
    network {
      mbits = 10

      port "db" {
        to = 6379
      }
    }

    task "echo" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
        # MIG002 image = "docker://redis:3.2": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://redis:3.2"

        # MIG002 port_map.db = 6379: `port_map { <label> = <number> }`, the container port
        ports = ["db"]

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }

      resources {}
    }
  }
}
