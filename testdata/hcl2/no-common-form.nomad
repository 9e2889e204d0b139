# Places with no form both HCL1 and HCL2 read the same.
job "nocommon" {
  datacenters = ["dc1"]

  group "g" {
    task "t" {
      driver = "docker"

      config {
        image          = "redis:6"
        "dns.search"   = "example.com"
      }

      service {
        name = "redis"

        meta {
          "prometheus.io/scrape" = "true"
        }
      }
    }
  }
}
