job "every" {
  datacenters = ["dc1"]
  type        = "batch"

  group "g" {
    network {
      port "admin" {
        static = 9000
        to     = 9000
      }

      port "http" {}

      port "web" {}

      mode = "bridge"

      port "grp" {
        to = 8080
      }
    }

    volume "shared" {
      type   = "host"
      source = "shared"
    }

    task "aci" {
      driver = "podman"

      config {
        # MIG001 net = ["backend:IP=10.1.2.3"]: no equivalent: nomad-driver-podman sets no static address
        # MIG002 dns_servers = ["host"]: omitted: podman copies the host's resolv.conf; exact: the same
        #   bind in `volumes`
        # MIG001 dns_search_domains = ["example.com"]: no key in v0.1.0 – v0.3.0: put the search domains
        #   in the image's or the host's resolv.conf
        # MIG001 group = "staff": no exact form: podman's user needs the user too (`<user>:<group>`); set
        #   the task's `user`
        # MIG003 no_overlay = true: no per-task equivalent: `storage.conf` on the host; dropped
        # MIG002 NOMAD_PORT_admin = mapped by port_map: inside the task it becomes the container port
        #   (rkt: the host port)
        # MIG001 volume_mount = 1 mount(s): not mounted by nomad-driver-podman v0.1.0 – v0.3.0: use a
        #   `volumes` bind of the host path (needs `volumes.enabled`)
        # MIG003 kill_signal = "SIGTERM": ignored by v0.1.0 (stop sends SIGTERM); dropping it changes
        #   nothing
        # MIG002 group network = mode = "bridge": a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG001 image = "https://example.com/app-1.0.aci": no equivalent: podman reads no ACIs. Convert
        #   the ACI to an OCI image as for docker, push it and name it as `docker://REF`
        image = "https://example.com/app-1.0.aci"

        # MIG002 args = ["--listen", "${NOMAD_PORT_http}"]: `args` replace the image CMD, while rkt
        #   appended them to ENTRYPOINT + CMD; exact only as `args = <image CMD> + args`
        args = ["--listen", "${NOMAD_PORT_http}"]

        # MIG003 insecure_options = "image": no per-task equivalent: host `registries.conf` (`insecure =
        #   true`) and `policy.json`
        # MIG002 insecure_options = "all-run": `cap_add = ["ALL"]` only: seccomp and masked paths stay on
        cap_add = ["ALL"]

        # MIG001 port_map.http = "http": not resolvable without the image manifest: look the port number
        #   up in the ACI's manifest and write `port_map { <label> = <number> }`; until then the label stays
        #   unmapped
        # MIG002 port_map.admin = "9000-udp": `port_map { <label> = <port> }`; published for tcp and udp
        #   on the node's IP
        ports = ["admin", "http"]

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }

      volume_mount {
        volume      = "shared"
        destination = "/srv"
      }

      kill_signal = "SIGTERM"

      resources {}
    }

    task "hostnet" {
      driver = "podman"
      user   = "app"

      config {
        # MIG003 port_map.web = "80": dropped, as rkt ignored it on the host network
        # MIG001 dns_servers = ["none"]: no equivalent: podman always writes a resolv.conf
        # MIG001 insecure_options = "seccomp,paths": no key for seccomp in nomad-driver-podman (v0.1.0 –
        #   v0.3.0): run podman with a host-wide `seccomp_profile` in `containers.conf`, or keep the task on
        #   rkt
        # MIG001 insecure_options = "seccomp,paths": no key to unmask /proc and /sys paths in
        #   nomad-driver-podman
        # MIG001 group = "/etc/group-owner": no equivalent: podman cannot take a group from a file's
        #   owner; name the group or its id
        # MIG003 unknown_key = 1: dropped: the rkt driver already fails the task on it (`RKT001`)
        # MIG002 group network = mode = "bridge": a group network namespace overrides the task's
        #   `network_mode`; the group's ports then reach the container
        # MIG002 image = "docker:busybox": `image = "docker://REF"` (`docker:REF` is spelled with `//`);
        #   podman resolves the transport itself
        # MIG002 image = "docker:busybox": podman v0.1.0 pulls only when the image is missing, as rkt did;
        #   pin a tag anyway (v0.2.0 pulls on every start for `docker://` names)
        image = "docker://busybox"

        # MIG002 net = ["host"]: `network_mode = "host"`, `port_map` dropped
        network_mode = "host"

        # MIG002 volumes[0] = "data:/data": v0.1.0 does not expand relative paths (v0.2.0+: relative to
        #   `A/T`); write an absolute path
        # MIG002 volumes[1] = "/etc/x:/x:bogus": the field is dropped: rkt ignored it (the volume was
        #   read-write)
        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "data:/data",
          "/etc/x:/x",
          "/a:/b",
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]

        # MIG002 insecure_options = "capabilities": `cap_add = ["ALL"]`
        cap_add = ["ALL"]
      }

      resources {}
    }

    task "side" {
      driver = "exec"

      config {
        command = "/bin/true"
      }
    }
  }
}
