failure_threshold = "error"
format = ["gcc"]
rule "NMD014" { severity = "info" }
rule "RKC002" { enabled = false }
