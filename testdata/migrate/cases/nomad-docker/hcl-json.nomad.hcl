job "web" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.driver.docker}"
    value     = "1"
  }

  group "g" {
    count = 1

    task "t" {
      driver = "docker"
      user   = "www:www"

      config {
        # MIG002 port_map.http = "80-tcp": `port_map { <label> = <port> }` (a number); Docker publishes
        #   tcp and udp on the node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the
        #   container port inside the task (rkt: the host port)
        # MIG002 group = "www": task `user = "<user>:<group>"`; `group` dropped
        # MIG003 debug = true: no equivalent: rkt's stage1 debug output has no Docker counterpart; dropped
        #   (use the daemon's debug log)
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
        # MIG002 constraint = ${driver.rkt} = 1: the attribute must name the docker driver
        #   (`${driver.docker}`), or the job cannot be placed on clients without rkt
        # MIG002 image = "docker://nginx:1.19": `image = "REF"`: the `docker://` or `docker:` prefix is
        #   removed; Docker's default registry and `library/` prefix match rkt's `registry-1.docker.io`
        #   defaults
        image = "nginx:1.19"

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }
    }
  }
}
