job "web" {
  datacenters = ["dc1"]

  group "g" {
    volume "data" {
      type   = "host"
      source = "data"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }
      volume_mount {
        volume = "other"
        destination = "/srv"
      }

    }
  }

}
