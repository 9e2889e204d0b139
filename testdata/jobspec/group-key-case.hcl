job "x" {
  group "g" {
    Count = 1
  }
}
