job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      env {
        PORT = "${NOMAD_PORT_htp}"
      }
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
