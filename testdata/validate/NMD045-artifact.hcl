job "web" {
  datacenters = ["dc1"]

  group "g" {

    task "t" {
      driver = "rkt"
      config {
        image = "example.com/app:1"
      }
      artifact {
        source      = "https://example.com/app.tgz"
        destination = "../../etc"
        options {
          checksum = "md5:abc"
        }
      }

    }
  }

}
