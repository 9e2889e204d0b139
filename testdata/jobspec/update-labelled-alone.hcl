job "x" {
  update "x" {
    max_parallel = 1
  }
}
