job "web" {
  datacenters = ["dc1"]

  group "web" {
    network {
      port "http" {}
    }

    task "app" {
      driver = "docker"

      config {
        image = "nginx:1.25"
      }

      service {
        port = "http"

        check {
          type     = "http"
          path     = "/health"
          interval = "10s"
          timeout  = "2s"
        }
      }
    }
  }
}
