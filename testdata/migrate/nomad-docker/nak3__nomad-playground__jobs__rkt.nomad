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
      driver = "docker"

      config {
        # MIG003 trust_prefix = "coreos.com/etcd": no per-task equivalent: the key is dropped. Verify
        #   images where they are built (signed images, Docker Content Trust on the pulling daemon) and pin
        #   references
        # MIG002 net = (not set): `network_mode` omitted: Docker's default bridge; container addresses
        #   differ from rkt's 172.16.28.0/24
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

      service {}

      resources {
        cpu    = 500 # 500 MHz
        memory = 256 # 256MB
      }
    }
  }
}
