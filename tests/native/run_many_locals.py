# Native and viper functions with more locals than registers, nested loops and big ints (prints).
import micropython


@micropython.native
def many(a, b, c, d, e):
    f = a + b
    g = c * d
    h = e - a
    i = f * g
    j = h + i
    k = [f, g, h, i, j]
    total = 0
    for x in k:
        for y in range(3):
            total += x * y
    return total, k, 2 ** 70 + j, -(2 ** 65) // 3


@micropython.viper
def viper_many(a: int, b: int, c: int, d: int) -> int:
    e = a + b
    f = c + d
    g = e * f
    h = g - a
    i = h + b
    j = i * 2
    k = 0
    while k < 10:
        j += k
        k += 1
    return e + f + g + h + i + j


@micropython.native
def matrix(n):
    m = [[i * n + j for j in range(n)] for i in range(n)]
    t = [[m[j][i] for j in range(n)] for i in range(n)]
    return t, sum(sum(row) for row in t)


print(many(1, 2, 3, 4, 5))
print(viper_many(1, 2, 3, 4), viper_many(-7, 3, 100, 9))
print(matrix(3))
