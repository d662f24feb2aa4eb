a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
x, y = "xy"
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = [10, 20]
print(m, n)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
