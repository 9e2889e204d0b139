job "web" {
  datacenters = ["dc1"]

  group "g" {
    reschedule {
      attempts  = 3
      interval  = "1h"
      unlimited = true
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
