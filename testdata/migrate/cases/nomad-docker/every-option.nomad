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
      driver = "docker"

      config {
        # MIG002 dns_servers = ["host"]: omitted: Docker copies the host's resolv.conf itself (dropping
        #   loopback servers on bridge networks); exact: `volumes =
        #   ["/etc/resolv.conf:/etc/resolv.conf:ro"]`
        # MIG001 group = "staff": no exact form: Docker's `user` needs the user too (`<user>:<group>`),
        #   and the image's default user is in its configuration only. Set the task's `user`
        # MIG003 no_overlay = true: no per-task equivalent: the storage driver is daemon configuration;
        #   dropped
        # MIG002 NOMAD_PORT_admin = mapped by port_map: inside the task it becomes the container port
        #   (rkt: the host port); `NOMAD_HOST_PORT_<label>` gives the host port
        # MIG002 group network = mode = "bridge": the rkt driver never saw group networks; a docker task
        #   joins the group's network namespace when its mode is `bridge` (`network_mode` becomes
        #   `container:<pause container>`), and the group's ports (with `to`) then reach it instead of the
        #   task's `port_map`
        # MIG001 image = "https://example.com/app-1.0.aci": no equivalent: an ACI is not an OCI image and
        #   `load` takes Docker archives only. Convert it (extract the ACI's `rootfs/` and `docker import`
        #   it, adding the manifest's exec, ports and environment to a Dockerfile), push it to a registry
        #   and name it in `image`
        image = "https://example.com/app-1.0.aci"

        # MIG002 args = ["--listen", "${NOMAD_PORT_http}"]: Docker's `args` replace the image CMD, while
        #   rkt appended them to ENTRYPOINT + CMD; exact only as `args = <image CMD> + args`, which needs
        #   the image's configuration
        args = ["--listen", "${NOMAD_PORT_http}"]

        # MIG003 insecure_options = "image": no per-task equivalent: registry TLS and plain HTTP are
        #   daemon configuration (`insecure-registries` in `daemon.json`); Docker verifies no image
        #   signatures
        # MIG002 insecure_options = "all-run": `cap_add = ["ALL"]` and `security_opt =
        #   ["seccomp=unconfined", "systempaths=unconfined"]` (`privileged = true` is broader: it also
        #   grants devices)
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["ALL"]

        security_opt = ["seccomp=unconfined", "systempaths=unconfined"]

        # MIG002 net = ["backend:IP=10.1.2.3"]: `network_mode = "<name>"` and `ipv4_address = "a.b.c.d"`
        #   on a Docker network of that name
        network_mode = "backend"

        ipv4_address       = "10.1.2.3"
        dns_search_domains = ["example.com"]

        # MIG001 port_map.http = "http": not resolvable without the image manifest: the port number behind
        #   the name is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write `port_map {
        #   <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container port). Until then the
        #   rewrite leaves the label unmapped: the container port equals the host port
        # MIG002 port_map.admin = "9000-udp": `port_map { <label> = <port> }` (a number); Docker publishes
        #   tcp and udp on the node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the
        #   container port inside the task (rkt: the host port)
        ports = ["admin", "http"]
      }

      volume_mount {
        volume      = "shared"
        destination = "/srv"
      }

      kill_signal = "SIGTERM"

      resources {}
    }

    task "hostnet" {
      driver = "docker"
      user   = "app"

      config {
        # MIG003 port_map.web = "80": dropped: rkt ignored `port_map` on the host network, and Docker
        #   would set `NOMAD_PORT_<label>` to the container port
        # MIG001 dns_servers = ["none"]: no equivalent: Docker always writes a resolv.conf. Use
        #   `network_mode = "none"` if the task needs no network, or accept the default file
        # MIG001 group = "/etc/group-owner": no equivalent: Docker cannot take a group from a file's
        #   owner; name the group or its id
        # MIG003 unknown_key = 1: dropped: the rkt driver already fails the task on it (`RKT001`); fix the
        #   spelling first if it was meant as an rkt option
        # MIG002 group network = mode = "bridge": the rkt driver never saw group networks; a docker task
        #   joins the group's network namespace when its mode is `bridge` (`network_mode` becomes
        #   `container:<pause container>`), and the group's ports (with `to`) then reach it instead of the
        #   task's `port_map`
        # MIG002 image = "docker:busybox": `image = "REF"`: the `docker://` or `docker:` prefix is
        #   removed; Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io`
        #   defaults
        # MIG002 image = "docker:busybox": Docker pulls an untagged or `latest` image on every start;
        #   rkt's default pull policy `new` used the stored copy. Pin a tag to keep rkt's behaviour
        image = "busybox"

        # MIG002 net = ["host"]: `network_mode = "host"`, and `port_map` is dropped (rkt ignored it on the
        #   host network; Docker would set `NOMAD_PORT_<label>` to the container port)
        network_mode = "host"

        # MIG002 volumes[0] = "data:/data": Docker takes a relative host path relative to the task
        #   directory `A/T`; rkt refused it (`source for host volume must be absolute path`). Write the
        #   absolute path meant
        # MIG002 volumes[0] = "data:/data": `volumes = ["/host:/container"]` as written; the client needs
        #   `plugin "docker" { config { volumes { enabled = true } } }` (default false)
        # MIG002 volumes[1] = "/etc/x:/x:bogus": the field is dropped: rkt ignored it (the volume was
        #   read-write)
        # MIG002 volumes[2] = "/a:/b": `volumes = ["/host:/container"]` as written; the client needs
        #   `plugin "docker" { config { volumes { enabled = true } } }` (default false)
        volumes = ["data:/data", "/etc/x:/x", "/a:/b"]

        # MIG002 insecure_options = "seccomp,paths": `security_opt = ["seccomp=unconfined"]`
        # MIG002 insecure_options = "seccomp,paths": `security_opt = ["systempaths=unconfined"]` (Docker
        #   19.03 or later)
        security_opt = ["seccomp=unconfined", "systempaths=unconfined"]

        # MIG002 insecure_options = "capabilities": `cap_add = ["ALL"]`; the client must allow it
        #   (`allow_caps = ["ALL"]`)
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
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
