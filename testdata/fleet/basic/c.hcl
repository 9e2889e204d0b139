node {
  name              = "c"
  datacenter        = "west"
  address           = "10.0.0.3"
  cpu_total_compute = 2000
  memory_total_mb   = 4096
  meta {
    role = "web"
  }
}
