Job "x" {}
