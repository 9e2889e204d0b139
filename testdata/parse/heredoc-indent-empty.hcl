a = <<-EOF
EOF
