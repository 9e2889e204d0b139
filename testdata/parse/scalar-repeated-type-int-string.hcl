a = 1
a = "x"
