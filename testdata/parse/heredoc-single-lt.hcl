a = <EOF
