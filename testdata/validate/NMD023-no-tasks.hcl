job "web" {
  datacenters = ["dc1"]
  group "g" {
    count = 1
  }
}
