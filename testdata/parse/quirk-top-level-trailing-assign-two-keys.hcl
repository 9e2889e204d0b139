a b =
