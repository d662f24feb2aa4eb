# Hashes MicroPython computes from addresses: None (an immediate object), a tuple (the empty
# tuple's address plus its items' hashes) and a frozenset (its type's address plus its
# items'). runtime-min uses the WebAssembly VM's values, so dicts and sets holding them
# iterate in the same order.
print(hash(None), hash(()), hash((1, 2)), hash((-1,)), hash(frozenset()), hash(frozenset({1, 2})))
print(hash(((1, 2), (3,))) == hash(((1, 2), (3,))), hash((1, "a")) == hash((1, "a")))
print({None, 1, "a", (1, 2), 2.5, frozenset({3})})
d = {}
for k in [(1, 2), None, (3,), (), ("x", None), frozenset(), 7, -1]:
    d[k] = 1
print(list(d))
s = set()
for i in range(30):
    s.add((i, i * 2))
print(s)
print({(None, i) for i in range(10)})
print({frozenset({i}): i for i in range(6)})
