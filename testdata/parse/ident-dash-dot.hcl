my-cool-key = 1
foo.bar.baz = 2
a- = 3
x..y = 4
