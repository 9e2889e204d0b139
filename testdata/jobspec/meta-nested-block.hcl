job "x" {
  meta {
    a {
      b = 1
    }
  }
}
