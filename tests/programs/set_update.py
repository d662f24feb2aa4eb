s = set()
s.update([3, 1], (2,))
print(sorted(s))
s |= {7}
s -= {1}
print(sorted(s))
s &= {2, 3, 7, 8}
print(sorted(s))
t = s.copy()
t.add(100)
print(sorted(s), sorted(t))
print(sorted(s.union([5])), sorted(s.intersection([2, 9])), sorted(s.difference([2])))
fs = frozenset([1, 2])
print(sorted(fs), 1 in fs, type(fs).__name__)
