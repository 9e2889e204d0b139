# targets.md §4.7: the rkt task of the conversion example
job "cache" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.driver.docker}"
    value     = "1"
  }

  group "cache" {
    network {
      port "db" {
        to = 6379
      }
    }

    task "cache" {
      driver = "docker"
      user   = "redis"

      config {
        # the image comes from Docker Hub
        # MIG003 trust_prefix = "example.com/keys": no per-task equivalent: the key is dropped. Verify
        #   images where they are built (signed images, Docker Content Trust on the pulling daemon) and pin
        #   references
        # MIG003 debug = true: no equivalent: rkt's stage1 debug output has no Docker counterpart; dropped
        #   (use the daemon's debug log)
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port); `NOMAD_HOST_PORT_<label>` gives the host port
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the docker driver
        #   (`${driver.docker}`), or the job cannot be placed on clients without rkt
        # MIG002 image = "docker://redis:3.2": `image = "REF"`: the `docker://` or `docker:` prefix is
        #   removed; Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io`
        #   defaults
        image = "redis:3.2"

        # MIG002 command = "/usr/local/bin/redis-server": `entrypoint = ["<command>"]`, `args` kept: the
        #   image's ENTRYPOINT and CMD are both replaced, as with rkt (`command = …` would keep the
        #   ENTRYPOINT)
        entrypoint = ["/usr/local/bin/redis-server"]

        args        = ["--port", "6379"]
        dns_servers = ["10.0.0.2"]

        # MIG002 volumes[0] = "/srv/redis:/data:readOnly": `"/host:/container:ro"`: `readOnly` is not a
        #   Docker mode
        volumes = ["/srv/redis:/data:ro"]

        # MIG002 port_map.db = "6379-tcp": `port_map { <label> = <port> }` (a number); Docker publishes
        #   tcp and udp on the node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the
        #   container port inside the task (rkt: the host port)
        ports = ["db"]

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
