job "web" {
  datacenters = ["dc1"]
  priority = 0
  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
