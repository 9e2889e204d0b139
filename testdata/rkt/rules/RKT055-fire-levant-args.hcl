job "web" {
  datacenters = ["dc1"]
  group "g" {
    task "app" {
      driver = "rkt"
      config {
        image        = "example.com/app:1"
        trust_prefix = "example.com/app"
        args         = ["--env", "[[ .environment ]]"]
      }
    }
  }
}
