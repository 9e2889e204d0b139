job "web" {
  type = "batch"
  datacenters = ["dc1"]
  update {
    max_parallel = 1
  }
  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }


    }
  }

}
