job "web" {
  datacenters = ["dc1"]
  periodic {
    cron = "*/5 * * *"
  }
  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
