job "web" {
  datacenters = ["dc1"]

  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }
      lifecycle {
        hook = "before"
      }

    }
  }

}
