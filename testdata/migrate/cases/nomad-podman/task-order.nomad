# Whether a task's services move to the group does not depend on the order
# of the tasks: in both groups every rkt task's service moves, also that of
# the task without ports, written before or after the task with ports.
job "order" {
  datacenters = ["dc1"]

  group "portless-first" {
    network {
      port "http" {
        to = 80
      }
    }

    service {
      task = "sidecar"

      name = "sidecar"
      tags = ["aux"]
    }

    service {
      task = "web"
      name = "${JOB}-${TASKGROUP}-web"

      port = "http"
    }

    task "sidecar" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 image = "docker://busybox:1.32": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://busybox:1.32"

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }
    }

    task "web" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 NOMAD_PORT_http = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
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

  group "ports-first" {
    network {
      port "http" {
        to = 80
      }
    }

    service {
      task = "web"
      name = "${JOB}-${TASKGROUP}-web"

      port = "http"
    }

    service {
      task = "sidecar"

      name = "sidecar"
      tags = ["aux"]
    }

    task "web" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 NOMAD_PORT_http = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
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

    task "sidecar" {
      driver = "podman"

      config {
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 image = "docker://busybox:1.32": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://busybox:1.32"

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }
    }
  }
}
