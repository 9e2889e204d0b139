format = ["gcc"]
failure_threshold = "error"
