job "heredoc" {
  datacenters = ["dc1"]

  group "g" {
    task "t" {
      driver = "exec"

      config {
        command = "/bin/true"
      }

      # kept: HCL2 reads this body the same
      template {
        destination = "local/plain.txt"
        data        = <<EOF
host = ${attr.unique.hostname}
port = {{ env "NOMAD_PORT_http" }}
EOF
      }

      # indented heredoc: written without the indentation marker
      template {
        destination = "local/indented.txt"
        data        = <<-EOT
        line one
          line two
        EOT
      }

      # HCL2 would evaluate ${upper(...)} and %{ ... }: a quoted string instead
      template {
        destination = "local/escaped.txt"
        data        = <<EOF
name = ${upper("x")}
%{ if true }yes%{ endif }
EOF
      }
    }
  }
}
