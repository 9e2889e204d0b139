a = <<EOF
foo
EOF
