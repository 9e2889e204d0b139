job "x" {
  group "g" {
    restart = 5
  }
}
