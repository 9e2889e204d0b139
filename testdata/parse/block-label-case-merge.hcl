a "x" { p = 1 }
A "y" { q = 2 }
