# rktc:ignore-file HCL004 -- nothing in this file triggers it
job "web" {
  # rktc:ignore HCL005
  datacenters = ["dc1"]

  # rktc:ignore RKT001 -- reviewed: see OPS-12
  group "web" {
    # rktc:ignore
    count = 1

    task "app" {
      driver = "docker"

      config {
        image = "nginx:1.25"
      }
    }
  }

  # rktc:ignore NOPE001, HCL001 -- bad ids
  meta {
    owner = "ops"
  }
  # rktc:ignroe HCL004
}
# rktc:ignore HCL004 -- nothing follows
