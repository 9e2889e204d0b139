# Nomad refuses this job at validation (a negative count): plan refuses
# it, and build must write nothing for it either.
job "invalid" {
  datacenters = ["dc1"]
  group "g" {
    count = -1
    task "t" {
      driver = "rkt"
      config {
        image        = "docker://redis:6"
        trust_prefix = "docker.io/library/redis"
      }
    }
  }
}
