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
    network {
      mbits = 10

      port "db" {
        static = 6539
        to     = 8080
      }
    }

    service {
      task = "etcd"
      name = "${JOB}-${TASKGROUP}-etcd"

      port = "db"
    }

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
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port)
        # MIG002 image = "docker://openshift/hello-openshift": `image = "docker://REF"` (`docker:REF` is
        #   spelled with `//`); podman resolves the transport itself
        # MIG002 image = "docker://openshift/hello-openshift": podman v0.1.0 pulls only when the image is
        #   missing, as rkt did; pin a tag anyway (v0.2.0 pulls on every start for `docker://` names)
        image = "docker://openshift/hello-openshift"

        # MIG002 net = ["containers"]: `network_mode = "<name>"`: v0.1.0 passes the name to podman, which
        #   uses the CNI network of that name (v0.2.0 accepts only bridge, host, none, slirp4netns)
        network_mode = "containers"

        # MIG002 port_map.db = "8080-tcp": `port_map { <label> = <port> }`; published for tcp and udp on
        #   the node's IP
        ports = ["db"]

        # MIG002 task directories = /alloc, /local, /secrets: v0.1.0 mounts them at their host paths; the
        #   rewrite adds `volumes = ["${NOMAD_ALLOC_DIR}:/alloc", "${NOMAD_TASK_DIR}:/local",
        #   "${NOMAD_SECRETS_DIR}:/secrets"]` (inside the allocation, so allowed)
        volumes = [
          "${NOMAD_ALLOC_DIR}:/alloc",
          "${NOMAD_TASK_DIR}:/local",
          "${NOMAD_SECRETS_DIR}:/secrets",
        ]
      }

      resources {
        cpu    = 500 # 500 MHz
        memory = 256 # 256MB
      }
    }
  }
}
