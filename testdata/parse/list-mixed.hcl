a = [1, "two", 3.5, true, <<E
x
E
]
