job "web" {
  datacenters = ["dc1"]
  multiregion {
    region "west" {}
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
