job "web" {
  type = "batch"
  datacenters = ["dc1"]

  group "g" {
    migrate {
      max_parallel = 2
    }
    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
