job "interp" {
  datacenters = ["dc1"]

  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }

  group "g" {
    task "t" {
      driver = "exec"

      config {
        command = "/bin/sh"
        args = [
          "-c",
          "echo ${NOMAD_ALLOC_DIR} ${meta.role} ${node.unique.name} ${env.HOME}",
          "echo ${lower(\"A\")} ${var.region} ${local.x} ${ attr.kernel.name }",
          "echo ${1 + 2} ${attr.x[0]}",
        ]
      }

      env {
        PERCENT  = "100%{x}"
        ESCAPED  = "100%%{x}"
        DOLLARS  = "$${HOME}"
        PRICE    = "$5 and $$"
      }
    }
  }
}
