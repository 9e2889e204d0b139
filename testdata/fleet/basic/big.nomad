job "big" {
  datacenters = ["east", "west"]
  group "big" {
    count = 2
    task "big" {
      driver = "rkt"
      config {
        image = "example.com/big:1.0"
      }
      resources {
        memory = 3000
      }
    }
  }
}
