# a directory walk skips these; files named on the command line are kept
exclude = ["jobs/vendor/*", "*/skip.nomad"]
