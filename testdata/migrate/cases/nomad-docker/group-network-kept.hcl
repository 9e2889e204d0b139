job "kept" {
  datacenters = ["dc1"]

  group "g" {
    task "web" {
      driver = "docker"

      config {
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG002 NOMAD_PORT_http = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port); `NOMAD_HOST_PORT_<label>` gives the host port
        # MIG002 group network = mode = "bridge": the rkt driver never saw group networks; a docker task
        #   joins the group's network namespace when its mode is `bridge` (`network_mode` becomes
        #   `container:<pause container>`), and the group's ports (with `to`) then reach it instead of the
        #   task's `port_map`
        # MIG002 image = "docker://nginx:1.19": `image = "REF"`: the `docker://` or `docker:` prefix is
        #   removed; Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io`
        #   defaults
        image = "nginx:1.19"

        # MIG002 port_map.http = "80-tcp": `port_map { <label> = <port> }` (a number); Docker publishes
        #   tcp and udp on the node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the
        #   container port inside the task (rkt: the host port)
        port_map {
          http = 80
        }

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        network {
          port "http" {}
        }
      }
    }

    network {
      mode = "bridge"

      port "http" {
        to = 8080
      }
    }
  }
}
