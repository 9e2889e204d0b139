inline_ignore = false
