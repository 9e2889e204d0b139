Count = 1
count = 2
