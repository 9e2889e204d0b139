format = ["json"
