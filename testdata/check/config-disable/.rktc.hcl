rule "NMD014" { enabled = false }
