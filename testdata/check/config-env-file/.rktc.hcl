failure_threshold = "style"
