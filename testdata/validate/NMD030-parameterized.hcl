job "web" {
  type = "batch"
  datacenters = ["dc1"]
  parameterized {
    payload = "maybe"
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
