a = 9a
