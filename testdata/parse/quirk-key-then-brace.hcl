x { a }
