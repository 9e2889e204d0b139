# node: --node
job "web" {
  datacenters = ["dc1"]
  group "cache" {
    affinity {
      attribute = "${meta.rack}"
      value     = "r1"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
