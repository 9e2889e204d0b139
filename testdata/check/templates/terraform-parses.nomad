job "${job_name}" {
  datacenters = ["${datacenter}"]

  group "app" {
    task "app" {
      driver = "rkt"

      config {
        image = "$${NOMAD_META_image}"
      }
    }
  }
}
