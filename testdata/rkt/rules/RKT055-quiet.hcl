# Nomad's own interpolation and consul-template in a template stanza are
# no placeholders
job "web" {
  datacenters = ["dc1"]
  group "g" {
    task "app" {
      driver = "rkt"
      config {
        image        = "example.com/app:${NOMAD_META_version}"
        trust_prefix = "example.com/app"
        args         = ["--port", "${NOMAD_PORT_http}", "--dc", "${node.datacenter}", "[[1]]"]
      }
      meta {
        version = "1.2"
      }
      env {
        DC = "${node.datacenter}"
      }
      template {
        data        = "{{ key \"app/config\" }}"
        destination = "local/app.conf"
      }
      resources {
        network {
          port "http" {}
        }
      }
    }
  }
}
