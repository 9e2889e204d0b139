job "x" {
  group "g" {
    task "t" {
      driver = "rkt"
      resources {
        cores = 2
      }
    }
  }
}
