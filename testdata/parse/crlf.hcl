job "x" {
  a = 1
  b = <<EOF
line
EOF
}
