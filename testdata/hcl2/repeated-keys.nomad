# Keys HCL1 merges and HCL2 refuses (duplicate attributes and blocks).
job "repeated" {
  datacenters = ["dc1"]
  datacenters = ["dc2"]

  meta {
    a = "1"
  }

  meta {
    b = "2"
    a = "3"
  }

  group "g" {
    count = 1
    count = 3

    task "t" {
      driver = "exec"

      config {
        command = "/bin/true"
      }

      config {
        args = ["-x"]
      }

      env {
        A = "1"
      }

      env {
        B = "2"
      }
    }
  }
}
