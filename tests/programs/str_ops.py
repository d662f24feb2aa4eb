s = "abc"
print(s * 3, s + "def", "b" in s, "z" not in s, len(s))
print(s[0], s[-1], s[1:], s[:2], s[-2:])
print("abc" < "abd", "B" < "a", "abc" == "ab" + "c", max("hello"), min("hello"))
print(ord("A"), chr(97), ord("€"), chr(8364), len("日本語"))
print("日本語"[1], "日本語".encode()[:3])
print(str(123) + str(4.5) + str(True) + str(None))
print(list("hey"), sorted("banana"))
