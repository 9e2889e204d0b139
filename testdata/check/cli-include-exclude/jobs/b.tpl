job "[[ .job_name ]]" {
  datacenters = [[ .datacenters | toJson ]]
  group "app" {
    count = [[ .count ]]
    task "app" {
      driver = "rkt"
      config {
        image = "[[ .image ]]"
      }
    }
  }
}
