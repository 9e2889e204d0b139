job "x" {
  group {
    count = 1
  }
}
