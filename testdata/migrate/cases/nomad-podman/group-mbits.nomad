# Task network ports joining a group network: the tasks' `mbits` are added
# to the group network's (its own, or Nomad's default 10 when it sets none).
job "bandwidth" {
  datacenters = ["dc1"]

  group "default-mbits" {
    network {
      mbits = 30

      port "http" {
        to = 80
      }

      mode = "bridge"

      port "metrics" {
        to = 9100
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

      resources {}
    }
  }

  group "set-mbits" {
    network {
      port "db" {
        static = 6379
      }

      port "admin" {}

      mbits = 62

      port "metrics" {}
    }

    task "a" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 group network = (host mode): a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG002 image = "docker://redis:6": `image = "docker://REF"` (`docker:REF` is spelled with `//`);
        #   podman resolves the transport itself
        image = "docker://redis:6"

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

    task "b" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 group network = (host mode): a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG002 image = "docker://busybox:1.32": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://busybox:1.32"

        ports = ["admin"]

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

  group "no-task-mbits" {
    network {
      port "http" {}

      mbits = 40
    }

    task "web" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 group network = (host mode): a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG002 image = "docker://nginx:1.19": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://nginx:1.19"

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

      resources {}
    }
  }
}
