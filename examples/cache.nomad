# A job with mistakes that Nomad 0.12 or rkt would only report at run
# time; `rktc check examples/cache.nomad` finds them before anything runs.
job "cache" {
  datacenters = ["dc1"]
  type        = "service"

  group "redis" {
    count = 2

    task "redis" {
      driver = "rkt"

      config {
        image = "docker://redis:6"            # neither trust_prefix nor insecure_options
        port_map {
          db = "6379"                          # docker2aci names the port "6379-tcp"
        }
        volumes = ["data:/data"]               # the host path must be absolute
      }

      resources {
        cpu    = 200
        memory = 128
        network {
          port "db" { static = 6379 }          # a static port with count = 2
        }
      }

    }
  }
}
