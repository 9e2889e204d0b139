job "web" {
  datacenters = ["dc1"]

  group "g" {
    ephemeral_disk {
      size = 100
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
