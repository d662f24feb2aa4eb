first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
a, *b = [1]
print(a, b)
x, *y, z = (1, 2)
print(x, y, z)
(u, *v), w = [1, 2, 3], 4
print(u, v, w)
