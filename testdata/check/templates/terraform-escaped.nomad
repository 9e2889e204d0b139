job "web" {
  datacenters = ["dc1"]

  group "app" {
    task "app" {
      driver = "rkt"

      config {
        image = "example.com/\x24{image}"
      }

      env {
        VERSION = "${version}"
      }
    }
  }
}
