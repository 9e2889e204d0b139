node {
  name = 3
  volumes_enabled = "yes"
  dynamic_ports = [32000, 20000]
  attributes = ["x"]
  meta { a "b" = "c" }
  host_volume { path = "/x" }
  host_volume "v" { path = "/v", other = 1 }
  datacenter "x" {}
  colour = "blue"
}
job "x" {}
