t = (1, 2, 3)
print(t, len(t), t[1], t[-1], t[1:], t + (4,), t * 2)
print(t.index(2), t.count(3), 2 in t)
single = (5,)
print(single, type(single).__name__, ())
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9))
print(tuple([1, 2]), tuple("ab"), max((3, 1), (2, 9)))
x = 1, 2
print(x)
