job "web" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.driver.podman}"
    value     = "1"
  }

  group "g" {
    count = 1

    task "t" {
      driver = "podman"
      user   = "www:www"

      config {
        # MIG002 port_map.http = "80-tcp": `port_map { <label> = <port> }`; published for tcp and udp on
        #   the node's IP
        # MIG002 group = "www": task `user = "<user>:<group>"`; `group` dropped
        # MIG003 debug = true: no equivalent; dropped (podman `--log-level=debug` is host configuration)
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the podman driver
        #   (`${driver.podman}`)
        # MIG002 image = "docker://nginx:1.19": `image = "docker://REF"` (`docker:REF` is spelled with
        #   `//`); podman resolves the transport itself
        image = "docker://nginx:1.19"

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
