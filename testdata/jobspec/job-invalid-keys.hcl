job "x" {
  foo = 1
  bar {}
}
