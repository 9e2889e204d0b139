job "x" {
  group "g" {
    task "t" {
      resources {
        network {
          port "Http" {}
          port "http" {}
        }
      }
    }
  }
}
