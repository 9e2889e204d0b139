# targets.md §4.7: the rkt task of the conversion example
job "cache" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.driver.podman}"
    value     = "1"
  }

  group "cache" {
    network {
      port "db" {
        to = 6379
      }
    }

    task "cache" {
      driver = "podman"
      user   = "redis"

      config {
        # the image comes from Docker Hub
        # MIG001 dns_servers = ["10.0.0.2"]: no DNS key in v0.1.0 or v0.3.0 (v0.2.0 has `dns`): set the
        #   servers in the image's or the host's resolv.conf, or bind a resolv.conf in `volumes`
        # MIG003 trust_prefix = "example.com/keys": no per-task equivalent: the key is dropped; signature
        #   rules live in the host's `/etc/containers/policy.json`
        # MIG003 debug = true: no equivalent; dropped (podman `--log-level=debug` is host configuration)
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the podman driver
        #   (`${driver.podman}`)
        # MIG002 image = "docker://redis:3.2": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://redis:3.2"

        # MIG002 command = "/usr/local/bin/redis-server": v0.1.0: `entrypoint` crashes the plugin
        #   (nomad-driver-podman#60), so the rewrite uses `command = "<command>"`, which keeps the image's
        #   ENTRYPOINT: exact only when the image has none. v0.2.0+: `entrypoint = "<command>"`
        command = "/usr/local/bin/redis-server"

        args = ["--port", "6379"]

        # MIG002 volumes[0] = "/srv/redis:/data:readOnly": `"/host:/container:ro"`
        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "/srv/redis:/data:ro",
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]

        # MIG002 port_map.db = "6379-tcp": `port_map { <label> = <port> }`; published for tcp and udp on
        #   the node's IP
        ports = ["db"]
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
