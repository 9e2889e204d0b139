job "web" {
  datacenters = ["dc1"]

  group "g" {
    service {
      name = "api"
      connect {
        native = true
        sidecar_service {}
      }
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
