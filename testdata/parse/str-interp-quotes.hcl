a = "${foo("bar")}"
