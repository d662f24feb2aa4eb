a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(3 in a, 9 in a, len(a))
a.add(10)
a.discard(1)
a.discard(99)
print(sorted(a))
a.remove(2)
try:
    a.remove(2)
except KeyError:
    print("missing")
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.isdisjoint({2}))
print(sorted(set("hello")), set() == set(), len(set([1, 1, 1])))
