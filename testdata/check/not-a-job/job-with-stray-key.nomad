# a job with a stray agent key is still a job: one NMD001 for the key
data_dir = "/tmp"

job "web" {
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
