job "etcd" {
  datacenters = ["dc1"]

  group "etcd" {
    task "etcd" {
      driver = "podman"
      user   = "etcd:etcd"

      config {
        # MIG003 trust_prefix = "coreos.com/etcd": no per-task equivalent: the key is dropped; signature
        #   rules live in the host's `/etc/containers/policy.json`
        # MIG002 group = "etcd": task `user = "<user>:<group>"`; `group` dropped
        # MIG001 net = ["default", "backend"]: no equivalent: one network per container
        # MIG001 image = "coreos.com/etcd:v2.0.4": no OCI counterpart: podman cannot fetch appc images.
        #   Build or convert an OCI image, push it to a registry and name it as `docker://REF`
        image = "coreos.com/etcd:v2.0.4"

        # MIG002 command = "/etcd": v0.1.0: `entrypoint` crashes the plugin (nomad-driver-podman#60), so
        #   the rewrite uses `command = "<command>"`, which keeps the image's ENTRYPOINT: exact only when
        #   the image has none. v0.2.0+: `entrypoint = "<command>"`
        command = "/etcd"

        args = ["--version"]

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
