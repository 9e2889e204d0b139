node {
  name            = "worker-7"
  datacenter      = "dc2"
  region          = "eu"
  class           = "gpu"
  address         = "10.0.0.7"
  alloc_dir       = "/srv/nomad alloc/$dir"
  rkt_path        = "/opt/rkt's/bin/rkt"
  volumes_enabled = false
  dynamic_ports   = [30000, 30010]
  attributes {
    "kernel.name"        = "linux"
    "driver.rkt.version" = "1.29.0"
    "unique.cpu"         = 8
    "cpu.arch"           = true
    "os.version"         = 1.5
  }
  meta {
    rack = "r7"
    "zone" = <<EOT
a
EOT
  }
  host_volume "shared" {
    path      = "/mnt/shared"
    read_only = true
  }
  host_volume "pgdata" {
    path = "/opt/pgdata"
  }
}
