job "web" {
  datacenters = ["dc1"]

  group "g" {
    restart {
      attempts = 10
      delay    = "1m"
      interval = "5m"
      mode     = "retry"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
