job "web" {
  datacenters = ["dc1"]
  task "g" {
    driver = "rkt"
  }
  group "g" {
    task "t" {
      driver = "rkt"
    }
  }
}
