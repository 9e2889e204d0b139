job "etcd" {
  datacenters = ["dc1"]

  group "etcd" {
    task "etcd" {
      driver = "docker"
      user   = "etcd:etcd"

      config {
        # MIG003 trust_prefix = "coreos.com/etcd": no per-task equivalent: the key is dropped. Verify
        #   images where they are built (signed images, Docker Content Trust on the pulling daemon) and pin
        #   references
        # MIG002 group = "etcd": task `user = "<user>:<group>"`; `group` dropped
        # MIG001 net = ["default", "backend"]: no equivalent: a Docker container joins one network at
        #   start. Pick one network or connect the others outside Nomad
        # MIG001 image = "coreos.com/etcd:v2.0.4": no OCI counterpart: Docker cannot fetch appc images.
        #   Build or convert an OCI image (e.g. rebuild from the source Dockerfile, or `docker import` the
        #   ACI's rootfs), push it to a registry and name it in `image`
        image = "coreos.com/etcd:v2.0.4"

        # MIG002 command = "/etcd": `entrypoint = ["<command>"]`, `args` kept: the image's ENTRYPOINT and
        #   CMD are both replaced, as with rkt (`command = …` would keep the ENTRYPOINT)
        entrypoint = ["/etcd"]

        args = ["--version"]

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }
    }
  }
}
