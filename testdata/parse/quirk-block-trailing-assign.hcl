x { a =
