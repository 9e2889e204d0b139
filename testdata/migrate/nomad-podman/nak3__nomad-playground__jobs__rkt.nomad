# There can only be a single job definition per file.
# Create a job with ID and Name 'example'
job "example" {
  # Run the job in the global region, which is the default.
  # region = "global"

  # Specify the datacenters within the region this job can run in.
  datacenters = ["dc1"]

  # Service type jobs optimize for long-lived services. This is
  # the default but we can change to batch for short-lived tasks.
  # type = "service"

  # Priority controls our access to resources and scheduling priority.
  # This can be 1 to 100, inclusively, and defaults to 50.
  # priority = 50

  # Restrict our job to only linux. We can specify multiple
  # constraints as needed.
  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }

  # Configure the job to do rolling updates
  update {
    # Stagger updates every 10 seconds
    stagger = "10s"

    # Update a single task at a time
    max_parallel = 1
  }

  # Create a 'cache' group. Each task in the group will be
  # scheduled onto the same machine.
  group "rkt-test" {
    # Control the number of instances of this group.
    # Defaults to 1
    # count = 1

    # Configure the restart policy for the task group. If not provided, a
    # default is used based on the job type.
    restart {
      # The number of attempts to run the job within the specified interval.
      attempts = 10
      interval = "5m"

      # A delay between a task failing and a restart occurring.
      delay = "25s"

      # Mode controls what happens when a task has restarted "attempts"
      # times within the interval. "delay" mode delays the next restart
      # till the next interval. "fail" mode does not restart the task if
      # "attempts" has been hit within the interval.
      mode = "delay"
    }

    # Define a task to run
    task "etcd" {
      # Use Docker to run the task.
      driver = "podman"

      config {
        # MIG003 trust_prefix = "coreos.com/etcd": no per-task equivalent: the key is dropped; signature
        #   rules live in the host's `/etc/containers/policy.json`
        # MIG002 net = (not set): `network_mode` omitted: bridge when rootful, slirp4netns when rootless
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

      service {}

      resources {
        cpu    = 500 # 500 MHz
        memory = 256 # 256MB
      }
    }
  }
}
