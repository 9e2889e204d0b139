job "x" {
  group "g" {
    count = "abc"
  }
}
