job "x" {
  group "g" {
    task "t" {
      service {
        check {
          nterval = "10s"
        }
      }
    }
  }
}
