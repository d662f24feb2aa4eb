limit = 2 ** 30
print(limit - 1, limit, limit + 1)
print((limit - 1) * 2, limit * limit)
x = 1073741823
x += 1
print(x, x - 1, -x, -x - 1)
y = 0x3FFFFFFF
print(y + y + 2, y * y)
print(2 ** 62, 2 ** 63, 2 ** 64, -(2 ** 63))
