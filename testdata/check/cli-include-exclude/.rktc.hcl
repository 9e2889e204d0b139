exclude = ["jobs/old/d.nomad"]
