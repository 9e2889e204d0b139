a = <<EOF
foo
  EOF
