job "app" {
  datacenters = ["dc1"]
  group "app" {
    count = "${count}"
    task "app" {
      driver = "rkt"
      config {
        image = "${image}"
        args  = ["--port", "${NOMAD_PORT_http}"]
      }
    }
  }
}
