job "x" {
 update "a" {} update {}
}
