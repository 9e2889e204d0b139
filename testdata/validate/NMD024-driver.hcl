job "web" {
  datacenters = ["dc1"]
  group "g" {
    task "t" {
      user = "app"
    }
  }
}
