"quoted key" = 1
"a.b" = 2
