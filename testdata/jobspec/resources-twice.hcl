job "x" {
  group "g" {
    task "t" {
      resources {
        cpu = 100
      }
      resources {
        memory = 64
      }
    }
  }
}
