# A host profile (`--node FILE`): what the Nomad client on the target host
# would know. Every key is optional; docs/host-profile.md lists the defaults.
node {
  name       = "edge-1"
  datacenter = "dc1"
  address    = "10.0.0.5"
  alloc_dir  = "/srv/nomad/alloc"
  rkt_path   = "/usr/local/bin/rkt"

  # dynamic ports come from this range, lowest free first
  dynamic_ports = [21000, 21999]

  attributes {
    "kernel.name"        = "linux"
    "driver.rkt.version" = "1.30.0"
  }

  meta {
    rack = "r7"
  }

  host_volume "shared" {
    path      = "/srv/shared"
    read_only = false
  }
}
