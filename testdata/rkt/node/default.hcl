# The host profile with every key at its default (DESIGN.md "Host profile").
node {
  name            = "node-1"
  datacenter      = "dc1"
  region          = "global"
  class           = ""
  address         = "127.0.0.1"
  alloc_dir       = "/var/lib/nomad/alloc"
  rkt_path        = "/usr/bin/rkt"
  volumes_enabled = true
  dynamic_ports   = [20000, 32000]
  attributes {
    "kernel.name"        = "linux"
    "driver.rkt.version" = "1.30.0"
  }
  meta {
    rack = "r1"
  }
  host_volume "shared" {
    path      = "/srv/shared"
    read_only = false
  }
}
