# A system job: one allocation (index 0) on every host of its datacenters
# that can take it; host b has too little memory left (reserved), so its
# allocation is unplaced.
job "agent" {
  type        = "system"
  datacenters = ["east"]
  group "agent" {
    task "agent" {
      driver = "rkt"
      config {
        image = "example.com/agent:1.0"
        port_map {
          metrics = "9100-tcp"
        }
      }
      resources {
        memory = 600
        network {
          port "metrics" {}
        }
      }
    }
  }
}
