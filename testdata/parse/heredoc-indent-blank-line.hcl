a = <<-EOF
  foo

  bar
  EOF
