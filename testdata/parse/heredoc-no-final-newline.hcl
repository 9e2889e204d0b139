a = <<EOF
foo
EOF