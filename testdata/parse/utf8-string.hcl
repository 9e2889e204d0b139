a = "héllo ☃ 😀"
