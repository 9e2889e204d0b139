job "web" {
  datacenters = ["dc1"
  group "web" {
  }
}
