job "web" {
  datacenters = ["dc1"]

  group "g" {
    network {
      port "http" {
        static = 8080
      }
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }

      resources {
        network {
          port "http" {}
          port "admin" {
            static = 8080
          }
        }
      }
    }
  }

}
