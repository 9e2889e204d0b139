// A job file with comments everywhere.
/* block comment
   on two lines */
job "comments" { # trailing on the job line
  datacenters = ["dc1"] # where
  type = "service"


  # before a group
  group "g" {
    count = 1 // one

    task "t" {
      driver = "exec" # the driver

      config {
        # inside config
        command = "/bin/true"
        args    = ["-v"] # args
        # at the end of config
      }
    }

    # at the end of the group
  }
}
# at the end of the file
