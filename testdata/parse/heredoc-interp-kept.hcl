a = <<EOF
${x} \n "q"
EOF
