# An error that only merging repeated keys raises: the second `count` of
# the group repeats an integer, and "two" is none. An earlier group that
# repeats keys of the same kind merges without error.
job "web" {
  datacenters = ["dc1"]

  group "ok" {
    count = 1
    count = 3
    meta {
      a = "1"
    }
    meta {
      a = 2
    }
    task "a" {
      driver = "rkt"
    }
  }

  group "merged" {
    count = 1
    task "b" {
      driver = "rkt"
    }
    count = "two"
  }
}
