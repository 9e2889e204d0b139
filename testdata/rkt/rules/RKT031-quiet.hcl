job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
        dns_servers = ["10.0.0.2"]
        dns_search_domains = ["corp"]
      }
    }
  }
}
