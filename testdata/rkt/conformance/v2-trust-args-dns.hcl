job "web" {
  datacenters = ["dc1"]
  group "cache" {
    task "etcd" {
      driver = "rkt"
      config {
        trust_prefix       = "coreos.com/etcd"
        image              = "coreos.com/etcd:v2.0.4"
        command            = "/etcd"
        args               = ["--name", "${NOMAD_TASK_NAME}", "--data-dir", "${NOMAD_ALLOC_DIR}/data"]
        dns_servers        = ["8.8.8.8", "8.8.4.4"]
        dns_search_domains = ["example.com", "example.org"]
        net                = ["none"]
        debug              = true
      }
      resources {
        cpu    = 100
        memory = 128
      }
    }
  }
}
