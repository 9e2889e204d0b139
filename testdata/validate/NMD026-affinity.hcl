job "web" {
  datacenters = ["dc1"]

  group "g" {
    affinity {
      attribute = "${node.datacenter}"
      value     = "dc1"
      weight    = 0
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
