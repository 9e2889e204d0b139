job "x" {
 group "g" { volume "v" { read_only = "x" } }
}
