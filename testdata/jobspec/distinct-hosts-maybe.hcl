job "x" {
  constraint {
    distinct_hosts = "maybe"
  }
}
