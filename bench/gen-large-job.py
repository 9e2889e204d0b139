#!/usr/bin/env python3
"""gen-large-job.py MB OUT — writes a syntactically valid HCL1 job file of at
least MB megabytes: one job with many groups of rkt tasks, exercising
strings, heredocs, lists, numbers, labels and comments like real jobs."""
import sys

BLOCK = '''
  # group {g}
  group "g{g}" {{
    count = {count}
    restart {{
      attempts = 3
      interval = "5m"
      delay    = "25s"
      mode     = "delay"
    }}
    task "t{g}" {{
      driver = "rkt"
      config {{
        image = "docker://registry.example.com/team/app-{g}:1.{minor}"
        args  = ["--port", "${{NOMAD_PORT_http}}", "--id", "{g}", "--verbose"]
        port_map {{
          http = "8080-tcp"
        }}
        dns_servers = ["10.0.0.1", "10.0.0.2"]
        volumes = ["/srv/data-{g}:/data", "/etc/ssl:/etc/ssl:readOnly"]
      }}
      env {{
        APP_ID    = "{g}"
        APP_MODE  = "production"
        LOG_LEVEL = "info"
      }}
      template {{
        data = <<TPL
listen = ":{{{{ env "NOMAD_PORT_http" }}}}"
id = {g}
TPL
        destination = "local/app.conf"
      }}
      resources {{
        cpu    = {cpu}
        memory = {memory}
        network {{
          mbits = 10
          port "http" {{}}
        }}
      }}
    }}
  }}
'''


def main():
    target = int(sys.argv[1]) * 1000 * 1000
    with open(sys.argv[2], "w") as out:
        out.write('job "big" {\n  datacenters = ["dc1", "dc2"]\n  type = "service"\n')
        size, g = 0, 0
        while size < target:
            block = BLOCK.format(g=g, count=g % 5 + 1, minor=g % 100,
                                 cpu=100 + g % 900, memory=128 + g % 512)
            out.write(block)
            size += len(block)
            g += 1
        out.write("}\n")


main()
