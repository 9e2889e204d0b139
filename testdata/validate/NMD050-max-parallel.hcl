job "web" {
  datacenters = ["dc1"]
  update {
    max_parallel = 3
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
