<<EOF
x
EOF
 = 1
