failure_threshold = "warn"
formats = ["json"]
rule "NOPE001" { severity = "error" }
rule "HCL001" { enabled = false }
rule "HCL004" { severity = "loud" }
