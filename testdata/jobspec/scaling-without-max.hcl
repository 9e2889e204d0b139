job "x" {
  group "g" {
    scaling {
      min = 1
    }
  }
}
