# config values of unexpected shapes: the rewrite keeps the job valid HCL
job "w" {
  group "g" {
    network {
      port "p" {
        static = 80
      }
    }

    task "a" {
      driver = "podman"

      config {
        # MIG002 net = "host": `network_mode` omitted: bridge when rootful, slirp4netns when rootless
        # MIG001 dns_servers = "1.2.3.4": no DNS key in v0.1.0 or v0.3.0 (v0.2.0 has `dns`): set the
        #   servers in the image's or the host's resolv.conf, or bind a resolv.conf in `volumes`
        # MIG003 insecure_options = "all": dropped: rkt refuses it at prepare, so it never took effect
        # MIG002 group = ["g"]: task `user = "<user>:<group>"`; `group` dropped
        # MIG003 debug = "yes": no equivalent; dropped (podman `--log-level=debug` is host configuration)
        # MIG003 nested = {deep = {deeper = 1}}: dropped: the rkt driver already fails the task on it
        #   (`RKT001`)
        # MIG003 quoted key = "v": dropped: the rkt driver already fails the task on it (`RKT001`)
        # MIG001 image = 5: no image to carry over: fix the value first
        image = 5

        # MIG002 args = "single": `args` replace the image CMD, while rkt appended them to ENTRYPOINT +
        #   CMD; exact only as `args = <image CMD> + args`
        args = "single"

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }

      user = "u"
    }

    task "b" {
      driver = "podman"
    }

    task "c" {
      driver = "podman"

      config {
        # MIG001 net = ["a:IP=1.2.3.4,foo=bar", "b"]: no equivalent: one network per container
        # MIG002 constraint = ${driver.rkt} = ${driver.rkt}: the attribute must name the podman driver
        #   (`${driver.podman}`)
        # MIG002 image = "docker://x": `image = "docker://REF"` (`docker:REF` is spelled with `//`);
        #   podman resolves the transport itself
        # MIG002 image = "docker://x": podman v0.1.0 pulls only when the image is missing, as rkt did; pin
        #   a tag anyway (v0.2.0 pulls on every start for `docker://` names)
        image = "docker://x"

        # MIG001 volumes[0] = ":": not a volume: fix the entry
        # MIG001 volumes[1] = "a:": not a volume: fix the entry
        # MIG001 volumes[2] = ":b": not a volume: fix the entry
        # MIG001 volumes[3] = "a::b": not a volume: fix the entry
        # MIG002 volumes[4] = "/x:/y:readOnly:extra": the field is dropped: rkt ignored it (the volume was
        #   read-write)
        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          ":",
          "a:",
          ":b",
          "a::b",
          "/x:/y",
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]

        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare, so it never took effect
        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare, so it never took effect
        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare, so it never took effect
        # MIG003 insecure_options = "all-fetch,capabilities": no per-task equivalent: host
        #   `registries.conf` (`insecure = true`) and `policy.json`
        # MIG002 insecure_options = "all-fetch,capabilities": `cap_add = ["ALL"]`
        cap_add = ["ALL"]

        # MIG001 port_map. = "": not resolvable without the image manifest: look the port number up in the
        #   ACI's manifest and write `port_map { <label> = <number> }`; until then the label stays unmapped
        ports = ["p"]
      }

      resources {}

      constraint {
        attribute = "${attr.driver.podman}"
        value     = "${attr.driver.podman}"
      }
    }
  }
}
