a = true
a = 1
