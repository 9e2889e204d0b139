# Lists of objects where a block is meant.
job "lists" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }

  group "g" {
    task "t" {
      driver = "docker"

      config {
        image = "redis:6"

        port_map = [{
          db = 6379
        }]

        labels {
          "com.example.team" = "web"
        }

        mounts = [
          {
            type   = "bind"
            target = "/data"
            volume_options {
              no_copy = true
            }
          },
          {
            type   = "tmpfs"
            target = "/tmp"
          },
        ]
      }
    }
  }
}
