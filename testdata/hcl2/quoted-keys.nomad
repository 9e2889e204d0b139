# Quoted attribute names: HCL2 refuses them in a block body.
job "quoted" {
  "datacenters" = ["dc1"]

  meta {
    "kernel.name" = "linux"
    "owner"       = "ops"
  }

  group "g" {
    "count" = 2

    meta {
      "team" = "web"
    }

    task "t" {
      driver = "exec"

      config {
        command = "/bin/true"
      }

      env {
        "JAVA_OPTS"   = "-Xmx1g"
        "app.profile" = "prod"
      }
    }
  }
}
