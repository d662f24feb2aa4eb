s = "  Hello, World!  "
print(s.strip(), "|" + s.lstrip() + "|", "|" + s.rstrip() + "|")
t = s.strip()
print(t.lower(), t.upper())
print(t.startswith("Hello"), t.endswith("!"), t.find("o"), t.rfind("o"), t.find("z"))
print(t.replace("l", "L"), t.replace("l", "", 1), t.count("l"))
print(t.index("W"), "x".join(["a", "b", "c"]), t.split(", "))
print("a,b,,c".split(","), "a b  c".split(), "k=v=w".split("=", 1), "a-b-c".rsplit("-", 1))
print("abc".center(9), "x" + "|")
