a = 1 << 100
print(a, a >> 37, a >> 100, a >> 101)
b = -(1 << 70) - 12345
print(b >> 3, b >> 70, b << 5)
print((0xDEADBEEF << 64) | 0xCAFEBABE)
print(((1 << 128) - 1) & (0xF0 << 100))
print((1 << 90) ^ (1 << 89))
print(~(1 << 65))
