a = [foo]
