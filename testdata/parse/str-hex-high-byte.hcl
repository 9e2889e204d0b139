a = "\xff"
