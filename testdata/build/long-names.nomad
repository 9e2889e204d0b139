# Names beyond systemd's 255-byte unit name limit are shortened with a
# stable hash; escaped names grow fourfold (every byte of "%" is \x25).
job "very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-very-long-job-name-" {
  datacenters = ["dc1"]
  group "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%" {
    task "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt" {
      driver = "rkt"
      config {
        image = "docker://busybox:1.31"
      }
    }
  }
}
