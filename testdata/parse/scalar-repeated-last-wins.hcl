a = 1
a = 2
b = "x"
b = "y"
