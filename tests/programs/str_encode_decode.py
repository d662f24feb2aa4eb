s = "héllo"
b = s.encode("utf-8")
print(b, len(b), len(s))
print(b.decode("utf-8") == s)
print(bytes("abc", "ascii"), str(b"xyz", "utf-8"))
print("€".encode(), b"\xe2\x82\xac".decode())
print(repr(b"\x00\x7f\x80\xff"))
