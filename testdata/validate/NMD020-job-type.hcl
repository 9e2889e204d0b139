job "web" {
  type = "daemon"
  datacenters = ["dc1"]

  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
