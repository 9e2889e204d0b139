job "web" {
  datacenters = ["dc1"]

  group "g" {
    spread {
      attribute = "${node.datacenter}"
      target "dc1" {
        percent = 70
      }
      target "dc2" {
        percent = 70
      }
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
