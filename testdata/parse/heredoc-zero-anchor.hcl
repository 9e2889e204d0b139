a = <<
foo

