job "${job_name}" {
  datacenters = ${jsonencode(datacenters)}
  group "app" {
    count = ${count}
%{ for port in ports ~}
    network { port "${port}" {} }
%{ endfor ~}
    task "app" {
      driver = "rkt"
      config {
        image = "${image}"
      }
    }
  }
}
