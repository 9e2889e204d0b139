# The whole job body is decoded before any stanza: a decode error in the
# last group is reported, not the unknown key of the first group (which
# only the group's own decode would find), nor the later group's error.
job "web" {
  datacenters = ["dc1"]

  group "ok" {
    count = 1
    task "a" {
      driver = "rkt"
      config {
        image = "example.com/a:1"
      }
    }
  }

  group "typo" {
    cuont = 2
    task "b" {
      driver = "rkt"
    }
  }

  group "bad" {
    count = 2
    task "c" {
      driver = "rkt"
      resources {
        cpu = 08
      }
      config {
        image = "example.com/c:1"
      }
    }
  }

  group "also-bad" {
    count = 09
  }
}
