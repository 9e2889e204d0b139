job "grafana" {
  datacenters = ["dc1"]
  group "g" {
    task "grafana" {
      driver = "rkt"
      config {
        image = "http://server/grafana.{{version}}.aci"
        trust_prefix = "server"
        command = "/bin/grafana-{{ .Version }}"
        args = ["--config", "/etc/[[ .conf ]]"]
        volumes = ["/srv/data:/data"]
      }
      env {
        GF_VERSION = "{{version}}"
      }
      template {
        data = "{{ key \"grafana/config\" }}"
        destination = "local/grafana.ini"
      }
    }
  }
}
