# config values of unexpected shapes: the rewrite keeps the job valid HCL
job "w" {
  group "g" {
    network {
      port "p" {
        static = 80
      }
    }

    task "a" {
      driver = "docker"

      config {
        # MIG002 net = "host": `network_mode` omitted: Docker's default bridge; container addresses differ
        #   from rkt's 172.16.28.0/24
        # MIG002 group = ["g"]: task `user = "<user>:<group>"`; `group` dropped
        # MIG003 debug = "yes": no equivalent: rkt's stage1 debug output has no Docker counterpart;
        #   dropped (use the daemon's debug log)
        # MIG003 nested = {deep = {deeper = 1}}: dropped: the rkt driver already fails the task on it
        #   (`RKT001`); fix the spelling first if it was meant as an rkt option
        # MIG003 quoted key = "v": dropped: the rkt driver already fails the task on it (`RKT001`); fix
        #   the spelling first if it was meant as an rkt option
        # MIG001 image = 5: no image to carry over: fix the value first
        image = 5

        # MIG002 args = "single": Docker's `args` replace the image CMD, while rkt appended them to
        #   ENTRYPOINT + CMD; exact only as `args = <image CMD> + args`, which needs the image's
        #   configuration
        args = "single"

        volumes     = []
        dns_servers = "1.2.3.4"

        # MIG003 insecure_options = "all": dropped: rkt refuses it at prepare (`docs/rkt-driver.md`
        #   §17.2), so it never took effect
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      user = "u"
    }

    task "b" {
      driver = "docker"
    }

    task "c" {
      driver = "docker"

      config {
        # MIG001 net = ["a:IP=1.2.3.4,foo=bar", "b"]: no equivalent: a Docker container joins one network
        #   at start. Pick one network or connect the others outside Nomad
        # MIG002 constraint = ${driver.rkt} = ${driver.rkt}: the attribute must name the docker driver
        #   (`${driver.docker}`), or the job cannot be placed on clients without rkt
        # MIG002 image = "docker://x": `image = "REF"`: the `docker://` or `docker:` prefix is removed;
        #   Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io` defaults
        # MIG002 image = "docker://x": Docker pulls an untagged or `latest` image on every start; rkt's
        #   default pull policy `new` used the stored copy. Pin a tag to keep rkt's behaviour
        image = "x"

        # MIG001 volumes[0] = ":": not a volume: rkt refuses it at start; fix the entry
        # MIG001 volumes[1] = "a:": not a volume: rkt refuses it at start; fix the entry
        # MIG001 volumes[2] = ":b": not a volume: rkt refuses it at start; fix the entry
        # MIG001 volumes[3] = "a::b": not a volume: rkt refuses it at start; fix the entry
        # MIG002 volumes[4] = "/x:/y:readOnly:extra": the field is dropped: rkt ignored it (the volume was
        #   read-write)
        volumes = [":", "a:", ":b", "a::b", "/x:/y"]

        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare (`docs/rkt-driver.md`
        #   §17.2), so it never took effect
        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare (`docs/rkt-driver.md`
        #   §17.2), so it never took effect
        # MIG003 insecure_options = ",,": dropped: rkt refuses it at prepare (`docs/rkt-driver.md`
        #   §17.2), so it never took effect
        # MIG003 insecure_options = "all-fetch,capabilities": no per-task equivalent: registry TLS and
        #   plain HTTP are daemon configuration (`insecure-registries` in `daemon.json`); Docker verifies no
        #   image signatures
        # MIG002 insecure_options = "all-fetch,capabilities": `cap_add = ["ALL"]`; the client must allow
        #   it (`allow_caps = ["ALL"]`)
        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["ALL"]

        # MIG001 port_map. = "": not resolvable without the image manifest: the port number behind the
        #   name is in the ACI's manifest (`rkt image cat-manifest`, `ports[].port`). Write `port_map {
        #   <label> = <number> }` (then `NOMAD_PORT_<label>` gives the container port). Until then the
        #   rewrite leaves the label unmapped: the container port equals the host port
        ports = ["p"]
      }

      resources {}

      constraint {
        attribute = "${attr.driver.docker}"
        value     = "${attr.driver.docker}"
      }
    }
  }
}
