# config values of unexpected shapes: the rewrite keeps the job valid HCL
job "w" {
  group "g" {
    task "a" {
      driver = "rkt"

      config {
        image            = 5
        args             = "single"
        port_map         = "x"
        volumes          = "x"
        net              = "host"
        dns_servers      = "1.2.3.4"
        insecure_options = "all"
        group            = ["g"]
        debug            = "yes"

        nested {
          deep {
            deeper = 1
          }
        }

        "quoted key" = "v"
      }

      user = "u"
    }

    task "b" {
      driver = "rkt"
    }

    task "c" {
      driver = "rkt"

      config {
        image   = "docker://x"
        volumes = [":", "a:", ":b", "a::b", "/x:/y:readOnly:extra"]
        net     = ["a:IP=1.2.3.4,foo=bar", "b"]

        port_map {
          "" = ""
        }

        insecure_options = [",,", "all-fetch,capabilities"]
      }

      resources {
        network {
          port "p" {
            static = 80
          }
        }
      }

      constraint {
        attribute = "${driver.rkt}"
        value     = "${driver.rkt}"
      }
    }
  }
}
