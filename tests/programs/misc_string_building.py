parts = []
for i in range(5):
    parts.append(str(i) * i)
print("".join(parts), "|".join(parts))
s = ""
for word in ["alpha", "beta", "gamma"]:
    s += word[0].upper() + word[1:] + " "
print(s.strip())
table = "\n".join("%2d x 3 = %2d" % (i, i * 3) for i in range(1, 5))
print(table)
