inline_ignore = true
exclude = ["other/*"]
