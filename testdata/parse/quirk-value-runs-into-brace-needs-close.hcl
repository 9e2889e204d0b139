x { a = }
