job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "svc" {
      driver = "rkt"
      config {
        image   = "docker://busybox:1.29"
        command = "${NOMAD_TASK_DIR}/run.sh"
        args    = ["${NOMAD_PORT_http}", "${attr.kernel.name}"]
        port_map {
          http = "8080-tcp"
        }
      }
      resources {
        cpu    = 100
        memory = 64
        network {
          port "http" {
            static = 8080
          }
        }
      }
    }
  }
}
