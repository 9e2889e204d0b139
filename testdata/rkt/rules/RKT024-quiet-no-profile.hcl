# A custom datacenter and a meta constraint: without --node they are not
# evaluated (RKT060), so the job is planned.
job "web" {
  datacenters = ["east"]
  group "cache" {
    constraint {
      attribute = "${meta.role}"
      value     = "cache"
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
