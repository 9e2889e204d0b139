job "x" {
  datacenters = ["dc1"]
  group "g" {
    count = ${COUNT}
  }
}
