job "x" {
 datacenters = ["a"]
 group "g" {
  task "t" {
   affinity { weight = 1000 }
  }
 }
}
