job "web" {
  datacenters = ["dc1"]
  update {
    healthy_deadline  = "10m"
    progress_deadline = "5m"
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
