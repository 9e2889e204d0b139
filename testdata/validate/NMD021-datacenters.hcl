job "web" {
  group "g" {
    task "t" {
      driver = "rkt"
    }
  }
}
