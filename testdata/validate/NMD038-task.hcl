job "web" {
  datacenters = ["dc1"]

  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }
      kill_timeout = "-5s"
      leader = true

    }
  }

}
