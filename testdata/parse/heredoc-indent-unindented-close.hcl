a = <<-EOF
  foo
EOF
