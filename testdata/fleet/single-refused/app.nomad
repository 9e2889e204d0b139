# A held-out style job: a custom datacenter and a ${meta.*} constraint the
# host does not satisfy: an error at the constraint, exit 1, and the
# allocation under "unplaced".
job "app" {
  datacenters = ["edge"]
  constraint {
    attribute = "${meta.rkt}"
    value     = "1"
  }
  group "app" {
    task "app" {
      driver = "rkt"
      config {
        image = "example.com/app:1.0"
      }
    }
  }
}
