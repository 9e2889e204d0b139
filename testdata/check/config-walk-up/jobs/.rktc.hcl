# found walking up from jobs/team/
format = ["gcc", "json:report.json"]
rule "HCL004" { severity = "info" }
