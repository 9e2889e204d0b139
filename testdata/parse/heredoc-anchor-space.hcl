a = << EOF
foo
EOF
