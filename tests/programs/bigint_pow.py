print(7 ** 77)
print(pow(3, 200, 1000000007))
print(pow(2, 521) - 1)
print(10 ** 30 // 7)
print((10 ** 20 + 1) ** 2)
x = 1
for i in range(1, 31):
    x *= i
print(x)
