job "web" {
  type = "system"
  datacenters = ["dc1"]

  group "g" {
    count = 3
    affinity {
      attribute = "${node.datacenter}"
      value     = "dc1"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
