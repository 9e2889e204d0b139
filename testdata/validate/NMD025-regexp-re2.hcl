# Go's regexp (RE2) refuses what backtracking engines accept: nested and
# possessive repetition (the exponential pattern is refused at once),
# backreferences, \C. RE2 syntax POSIX lacks (\b, (?s), \pL) compiles.
job "re2" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "^l\\w+Reg++++++++++++++++++++++++++++++++++++++++++++++ionx$"
  }
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "(a)\\1"
  }
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "^\\blin(?s).\\pL+$"
  }
  affinity {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "x{2000}"
    weight    = 50
  }
  group "g" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://nginx:1.19"
      }
    }
  }
}
