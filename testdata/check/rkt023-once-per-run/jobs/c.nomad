job "c" {
  datacenters = ["dc1"]

  group "g" {
    task "one" {
      driver = "rkt"

      config {
        image        = "coreos.com/etcd:v2.0.4"
        trust_prefix = "coreos.com/etcd"
      }
    }

    task "two" {
      driver = "rkt"

      config {
        image        = "coreos.com/etcd:v2.0.4"
        trust_prefix = "coreos.com/etcd"
      }
    }
  }
}
