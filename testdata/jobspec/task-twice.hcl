job "x" {
  group "g" {
    task "t" {
      driver = "rkt"
    }
    task "t" {
      driver = "rkt"
    }
  }
}
