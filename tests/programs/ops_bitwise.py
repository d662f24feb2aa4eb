a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-8 >> 1, -1 >> 10, -8 << 2, 1 << 0)
n = 0
for bit in (0, 3, 5):
    n |= 1 << bit
print(n, [(n >> i) & 1 for i in range(6)])


def popcount(v):
    c = 0
    while v:
        v &= v - 1
        c += 1
    return c


print(popcount(255), popcount(2 ** 40 - 1), popcount(0))
