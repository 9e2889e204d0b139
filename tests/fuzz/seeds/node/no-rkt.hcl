node {
  name = "bare"
  attributes {
    "driver.rkt.version" = ""
  }
  dynamic_ports = [1, 1]
}
