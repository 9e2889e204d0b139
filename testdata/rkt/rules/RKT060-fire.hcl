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
