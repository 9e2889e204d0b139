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
      driver = "docker"

      config {
        # MIG002 NOMAD_PORT_db = mapped by port_map: inside the task it becomes the container port (rkt:
        #   the host port); `NOMAD_HOST_PORT_<label>` gives the host port
        # MIG002 image = "docker://openshift/hello-openshift": `image = "REF"`: the `docker://` or
        #   `docker:` prefix is removed; Docker's default registry and `library/` prefix match rkt's
        #   `registry-1.docker.io` defaults
        # MIG002 image = "docker://openshift/hello-openshift": Docker pulls an untagged or `latest` image
        #   on every start; rkt's default pull policy `new` used the stored copy. Pin a tag to keep rkt's
        #   behaviour
        image = "openshift/hello-openshift"

        # MIG002 net = ["containers"]: `network_mode = "<name>"`: a Docker network of that name must exist
        #   on every client (CNI configuration files are not reused)
        network_mode = "containers"

        # MIG002 port_map.db = "8080-tcp": `port_map { <label> = <port> }` (a number); Docker publishes
        #   tcp and udp on the node's IP only (rkt: all interfaces), and `NOMAD_PORT_<label>` becomes the
        #   container port inside the task (rkt: the host port)
        ports = ["db"]

        # MIG002 capabilities = (rkt defaults): Nomad 0.12.12 drops `NET_RAW` from Docker's defaults
        #   (CVE-2021-32575); parity with rkt needs `cap_add = ["NET_RAW"]` and `NET_RAW` in the client's
        #   `allow_caps`
        cap_add = ["NET_RAW"]
      }

      resources {
        cpu    = 500 # 500 MHz
        memory = 256 # 256MB
      }
    }
  }
}
