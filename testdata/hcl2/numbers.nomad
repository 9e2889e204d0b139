# Numbers HCL2 has no syntax for (.5, hex, octal) and exponents.
job "numbers" {
  datacenters = ["dc1"]
  priority    = 0x1F

  meta {
    ratio = .5
    big   = 1e3
  }

  group "g" {
    count = 010

    task "t" {
      driver = "exec"

      config {
        command = "/bin/true"
        weight  = .25
        mask    = 0x1F
      }

      resources {
        cpu = 1e2
      }
    }
  }
}
