d = {}
d[1] = "int"
d[(1, 2)] = "tuple"
d["1"] = "str"
d[None] = "none"
d[2.5] = "float"
print(d[1], d[(1, 2)], d["1"], d[None], d[2.5], len(d))
d[1.0] = "float one"
print(d[1], len(d))
try:
    d[[1]] = "list"
except TypeError:
    print("unhashable")
