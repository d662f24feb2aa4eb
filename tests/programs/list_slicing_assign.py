a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:2] = []
print(a)
del a[-3:]
print(a)
b = [1, 2, 3]
b[len(b):] = [4, 5]
print(b)
c = b[:]
c[0] = 100
print(b[0], c[0])
print(a[100:], a[-100:2])
