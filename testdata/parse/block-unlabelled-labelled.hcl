a { y = 2 }
a "b" { x = 1 }
