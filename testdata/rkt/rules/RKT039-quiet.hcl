job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      env {
        NAME = "${NOMAD_TASK_NAME}"
        DC   = "${node.datacenter}"
      }
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
