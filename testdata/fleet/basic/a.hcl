node {
  name              = "a"
  datacenter        = "east"
  address           = "10.0.0.1"
  cpu_total_compute = 4000
  memory_total_mb   = 2048
  reserved {
    cpu            = 100
    memory         = 256
    reserved_ports = "22,20000-20002"
  }
  meta {
    role = "web"
  }
}
