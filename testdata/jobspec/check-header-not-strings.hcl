job "x" {
 datacenters = ["a"]
 group "g" {
  task "t" {
   service { check { header { a = [1] } } }
  }
 }
}
