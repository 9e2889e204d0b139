a = <<EOF x
foo
EOF
