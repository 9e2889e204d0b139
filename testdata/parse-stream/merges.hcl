# Repeated keys, merges and labels at several levels: `rktc parse` writes
# this straight from the tree and must print merges.json byte for byte.
zeta = "last key"
alpha = 1
alpha = "2"
list = [1, "two", true]
list = [2.5]
empty = []
empty = []
name = "x"
name = 3

job "web" {
  datacenters = ["dc1", "dc2"]
  meta { owner = "a" }
  meta { team = "b", owner = "c" }

  group "api" {
    count = 2
    task "server" {
      driver = "rkt"
      config {
        image = "example.com/api:1"
        args  = ["--port", 8080]
        port_map { http = "8080-tcp" }
      }
      env { A = "1" }
      env { B = "2" }
      resources {
        cpu = 100
        network {
          mbits = 10
          port "http" {}
          port "admin" { static = 9000 }
        }
      }
    }
    task "sidecar" { driver = "rkt" }
  }
  group "db" {
    count = 0x1
    task "pg" {
      config { volumes = ["/a:/b"] }
      config { volumes = ["/c:/d"] }
    }
  }
  Group "api" { note = "case-folded Filter" }
  constraint { attribute = "x" }
  constraint { attribute = "y", value = 017 }
  vars "a" "b" { v = 1.5e3 }
  vars "a" "c" { v = -2 }
}

job "batch" { type = "batch" }
nested = [{ a = 1 }, [2, { b = [3, { c = 4 }] }], {}]
text = <<EOT
  heredoc "quoted" \ backslash
EOT
"quoted key" = "é \u00e9 \t"
