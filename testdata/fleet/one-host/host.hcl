node {
  name    = "solo"
  address = "10.1.0.1"
  reserved {
    reserved_ports = "20000,20002"
  }
}
