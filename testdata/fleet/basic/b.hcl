node {
  name              = "b"
  datacenter        = "east"
  address           = "10.0.0.2"
  cpu_total_compute = 4000
  memory_total_mb   = 1024
  reserved {
    memory         = 512
    reserved_ports = "8080"
  }
  meta {
    role = "db"
  }
}
