job "echo" {
  datacenters = ["dc1"]

  group "echo" {
    network {
      mbits = 10

      port "db" {
        to = 6379
      }
    }

    task "echo" {
      driver = "docker"

      config {
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port); `NOMAD_HOST_PORT_<label>` gives the host port
        # MIG002 image = "docker://redis:3.2": `image = "REF"`: the `docker://` or `docker:` prefix is
        #   removed; Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io`
        #   defaults
        image = "redis:3.2"

        # MIG002 port_map.db = 6379: `port_map { <label> = <number> }`: the number becomes the container
        #   port. For rkt it was a port *name* in the image manifest, valid only if the manifest names a
        #   port that way
        ports = ["db"]

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {}
    }
  }
}
