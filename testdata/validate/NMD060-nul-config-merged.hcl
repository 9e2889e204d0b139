# Driver config values with NUL bytes where `check` decodes the config
# again (its job model keeps none): repeated `config` blocks merged (the
# later value wins), a nested block, and a task at the job level.
job "nul" {
  datacenters = ["dc1"]
  task "solo" {
    driver = "rkt"
    config {
      image = "docker://nginx:1.19"
      "k\u0000" = "v"
    }
  }
  group "g" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://nginx:1.19"
        args  = ["p\u0000q"]
      }
      config {
        args = ["ok", "r\u0000s"]
        port_map {
          "h\u0000" = "8080-tcp"
        }
      }
    }
  }
}
