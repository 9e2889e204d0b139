job "nul" {
  datacenters = ["dc1"]
  meta {
    "k\u0000" = "v"
  }
  group "g" {
    task "t" {
      driver = "rkt"
      env {
        MODE = "p\u0000q"
      }
      config {
        image = "docker://nginx:1.19"
        args  = ["ok", "p\u0000q"]
      }
    }
  }
}
