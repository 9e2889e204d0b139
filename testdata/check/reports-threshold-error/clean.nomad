job "clean" {
  datacenters = ["dc1"]

  group "web" {
    task "app" {
      driver = "docker"

      config {
        image = "nginx:1.25"
      }
    }
  }
}
