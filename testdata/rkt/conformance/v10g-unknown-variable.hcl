job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
        args  = ["${NOMAD_PORT_http}", "${UNDEFINED_X}"]
      }
      resources {
        network {
          port "http" {
            static = 8080
          }
        }
      }
    }
  }
}
