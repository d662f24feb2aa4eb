d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items()), len(d), "fox" in d, "cat" in d)
print(d.pop("the"), d.pop("nope", None), d.setdefault("new", 5), d.setdefault("new", 6))
d2 = dict(a=1, b=2)
d2.update({"c": 3}, d=4)
print(d2, dict([("x", 1), ("y", 2)]), dict.fromkeys("ab", 0))
del d2["a"]
print(d2, {k: v * 2 for k, v in d2.items()})
c = d2.copy()
c["z"] = 26
print(d2 == c, len(c), c.popitem() is not None)
for k in {1: 'a', 2: 'b'}:
    print(k)
keys = {}
for i in range(30):
    keys[i * 7] = i
print(keys)
s = {3, 1, 2}
s.add(5)
s.discard(1)
print(s, 3 in s, len(s))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4, 5}, {1} < a)
print(set("hello"), frozenset([1, 2]), set(), {x % 3 for x in range(10)})
print(a.union(b), a.intersection(b), a.difference(b), a.issubset(b), a.isdisjoint({9}))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
e = {(1, 2): "tuple key", 3.5: "float", True: "bool", None: "none"}
print(e[(1, 2)], e[3.5], e[1], e[None])
s2 = {"apple", "banana", "cherry", "date"}
print(sorted(s2))
