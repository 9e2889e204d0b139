job "x" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    regexp    = "(?i)^linux$"
  }
  constraint {
    attribute = "${attr.os.name}"
    regexp    = "ubuntu(16|18"
  }
  group "g" {
    task "t" {
      driver = "rkt"
    }
  }
}
