datacenter = "dc1"
data_dir   = "/opt/nomad/data"
bind_addr  = "0.0.0.0"

server {
  enabled          = true
  bootstrap_expect = 3
}

client {
  enabled = true
  options {
    "driver.rkt.enable" = "1"
  }
}

consul {
  address = "127.0.0.1:8500"
}
