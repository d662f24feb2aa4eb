funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
bound = []
for i in range(4):
    bound.append(lambda i=i: i * 10)
print([f() for f in bound])


def make(n):
    return lambda x: x + n


adders = [make(k) for k in range(3)]
print([f(100) for f in adders])
