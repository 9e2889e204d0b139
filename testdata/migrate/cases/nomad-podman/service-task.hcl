job "web" {
  datacenters = ["dc1"]

  group "frontend" {
    network {
      mbits = 10

      port "http" {
        to = 80
      }
    }

    service {
      name = "web"
      port = "http"
      task = "nginx"

      check {
        type     = "http"
        path     = "/"
        interval = "10s"
        timeout  = "2s"
        task     = ""
      }
    }

    service {
      name = "${JOB}-${TASKGROUP}-nginx"
      tags = ["unnamed"]
      port = "http"
      task = "nginx"
    }

    task "nginx" {
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
}
