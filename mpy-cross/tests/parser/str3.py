a = "abc" b"def"
