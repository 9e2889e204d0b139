node {
  name       = "edge-1"
  datacenter = "edge"
  address    = "10.2.0.1"
  meta {
    rkt = "0"
  }
}
