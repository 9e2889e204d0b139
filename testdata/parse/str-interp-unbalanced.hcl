a = "${abc"
