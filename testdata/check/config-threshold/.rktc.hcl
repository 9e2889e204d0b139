failure_threshold = "error"
format = ["gcc"]
