job "web" {
  datacenters = ["dc1"]

  group "g" {
    count = 10
    scaling {
      min = 1
      max = 5
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
