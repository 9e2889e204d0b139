failure_threshold = "error"
format = ["gcc"]
rule "HCL004" { severity = "info" }
rule "RKC002" { enabled = false }
