# A second group body in one group: a `task` block without a label among
# labelled ones is an error of the whole-body decode (HCL1's "map must
# have string keys"), found in the second group.
job "web" {
  datacenters = ["dc1"]

  group "ok" {
    task "a" {
      driver = "rkt"
    }
  }

  group "mixed" {
    task "b" {
      driver = "rkt"
    }
    task {
      driver = "rkt"
    }
  }
}
