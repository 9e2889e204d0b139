job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://Redis"
      }
    }
  }
}
