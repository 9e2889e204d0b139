# found walking up from jobs/team/
format = ["gcc", "json:report.json"]
rule "NMD014" { severity = "info" }
