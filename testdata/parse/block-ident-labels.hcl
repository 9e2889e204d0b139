group foo { count = 1 }
