job "x" {
  spread {
    attribute = "a"
    target {
      percent = 1
    }
  }
}
