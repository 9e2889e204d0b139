job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "my_task" {
      driver = "rkt"
      config {
        image   = "docker://alpine:3.9"
        command = "/bin/sh"
        args    = ["-c", "ls /data"]
        volumes = ["/srv/data:/data", "/etc/ssl/certs:/etc/ssl/certs:readOnly", "/srv/x:/x:ro"]
      }
      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
