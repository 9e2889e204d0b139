a = "x"
a = 1
