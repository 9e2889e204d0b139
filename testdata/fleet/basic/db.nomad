job "db" {
  datacenters = ["east"]
  group "db" {
    constraint {
      attribute = "${meta.role}"
      value     = "db"
    }
    task "db" {
      driver = "rkt"
      config {
        image = "example.com/db:1.0"
      }
      resources {
        memory = 400
      }
    }
  }
}
