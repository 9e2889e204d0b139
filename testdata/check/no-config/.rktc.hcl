failure_threshold = "error"
bogus = 1
