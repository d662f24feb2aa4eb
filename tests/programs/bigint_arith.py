a = 2 ** 100
b = 3 ** 60
print(a)
print(b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(divmod(a, 12345678901))
