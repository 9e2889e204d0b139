job "app" {
  datacenters = ["${datacenter}"]
  group "app" {
    task "app" {
      driver = "rkt"
      config {
        image = "${image}"
      }
    }
  }
}
