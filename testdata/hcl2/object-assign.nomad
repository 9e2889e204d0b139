# Objects assigned to stanza names: HCL2 reads `key = { }` as an attribute.
job "objects" {
  datacenters = ["dc1"]

  update = {
    max_parallel = 1
  }

  group "g" {
    restart = {
      attempts = 3
      mode     = "delay"
    }

    task "t" {
      driver = "exec"

      config = {
        command = "/bin/true"
        args    = ["-v"]
      }

      resources = {
        cpu    = 100
        memory = 64
      }
    }
  }
}
