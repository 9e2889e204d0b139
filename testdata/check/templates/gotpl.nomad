job "{{ .Name }}" {
  datacenters = ["dc1"]
  group "app" {
{{ range .Tasks }}
    task "{{ .Name }}" {
      driver = "rkt"
      config {
        image = "{{ .Image }}"
      }
    }
{{ end }}
  }
}
