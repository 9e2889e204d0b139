job "x" {
  datacenters = ["a"]
  datacenters = ["b"]
}
