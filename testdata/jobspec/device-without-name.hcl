job "x" {
  group "g" {
    task "t" {
      resources {
        device {
          count = 1
        }
      }
    }
  }
}
