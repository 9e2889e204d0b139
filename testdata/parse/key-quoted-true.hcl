"true" = 1
