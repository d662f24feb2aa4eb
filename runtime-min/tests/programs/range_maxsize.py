# sys.maxsize is 2**31-1 (a big int here); ranges reach the 32-bit word; range == is identity
import sys
m = sys.maxsize
print(m, m + 1, type(m), m > 1 << 30)
r = range(-m + 1, -1)
print(r.start, r[0], r[1], r[-1], len(range(0, m - 1)), range(0, m - 1)[-1])
it = iter(r)
print(next(it), next(it))
big = range(1 << 30, (1 << 30) + 5, 2)
print(big, list(big), big[1], big[-1], len(big), (1 << 30) + 2 in big, big[1:], big == range(1 << 30, (1 << 30) + 6, 2), list(reversed(big)))
print(range(5) == range(0, 5, 1), range(0) == range(3, 3), range(2, 10, 3)[::-1], list(range(10)[2:8:3]))
best = sys.maxsize
for v in (5, 3, 9):
    best = min(best, v)
print(best, min(sys.maxsize, 2 ** 40))
for bad in (2 ** 70, "x"):
    try:
        range(bad)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for bad in (2 ** 31, -(2 ** 31) - 1):
    try:
        range(0, bad)
    except OverflowError as e:
        print("OverflowError", e)
print(len(range(2 ** 31 - 10, 2 ** 31 - 1)), range(5, 2 ** 31 - 1)[-1])
