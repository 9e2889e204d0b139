a "b" { x = 1 }
a "c" { y = 2 }
a "b" { z = 3 }
