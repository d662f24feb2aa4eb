class A:
    pass
a = A()
a.b = 1
print(a.b)
print(a.c)
