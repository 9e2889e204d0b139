job "web" {
  datacenters = ["dc1"]

  group "web" {
    task "app" {
      driver = "docker"

      config {
        image = "nginx:1.25"
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
