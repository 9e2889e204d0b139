rule "HCL004" { enabled = false }
