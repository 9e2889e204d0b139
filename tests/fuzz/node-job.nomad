# The job fuzz_node plans on every host profile it reads (and
# tests/fuzz-regressions.sh plans on each node regression input): it
# reaches every part of the profile.
job "web" {
  datacenters = ["dc1", "dc2"]
  constraint {
    attribute = "${attr.kernel.name}"
    value     = "linux"
  }
  group "g" {
    count = 2
    constraint {
      attribute = "${meta.rack}"
      operator  = "regexp"
      value     = "r[0-9]+"
    }
    constraint {
      attribute = "${node.class}"
      operator  = "!="
      value     = "gpu"
    }
    constraint {
      attribute = "${attr.driver.rkt.version}"
      operator  = "version"
      value     = ">= 1.0"
    }
    constraint {
      operator = "distinct_property"
      attribute = "${meta.rack}"
      value = "3"
    }
    volume "data" {
      type      = "host"
      source    = "shared"
      read_only = true
    }
    task "app" {
      driver = "rkt"
      volume_mount {
        volume      = "data"
        destination = "/data"
      }
      env {
        NODE   = "${node.unique.name}"
        ID     = "${node.unique.id}"
        DC     = "${node.datacenter}"
        REGION = "${node.region}"
        CLASS  = "${node.class}"
        KERNEL = "${attr.kernel.name}"
        RACK   = "${meta.rack}"
      }
      config {
        image   = "docker://nginx:1.19"
        insecure_options = ["image"]
        args    = ["${node.unique.name}", "${NOMAD_ALLOC_DIR}"]
        volumes = ["/srv/${node.unique.id}:/id"]
        port_map {
          http  = "80-tcp"
          admin = "9000-tcp"
        }
      }
      resources {
        network {
          port "http" {}
          port "admin" {}
        }
      }
    }
  }
}
