# Names Nomad accepts but file systems and unit files do not like, and
# arguments holding every kind of special byte.
job "../../etc/x" {
  datacenters = ["dc1"]
  type        = "batch"

  group ".." {
    task "t%n $HOME 'q' \"dq\" ünï" {
      driver = "rkt"
      config {
        image   = "docker://busybox:1.31"
        command = "/bin/sh"
        args    = ["-c", "echo \"$HOME\" '$(id)' `uname` \\ back; tab\there", "",
                   "new\nline", "%n %% 100%", "semi;colon", "$${NOMAD_TASK_NAME}",
                   "ünïcödé ✓", " lead", "trail ", "-", "--", "a=b"]
      }
      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
