print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "hello" if c != "l"])
print([[i * j for j in range(4)] for i in range(3)])
words = ["apple", "bob", "kayak", "level", "test"]
print([w for w in words if w == "".join(reversed(w))])
