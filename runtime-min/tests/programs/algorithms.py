def primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
print(primes(60))
def qsort(l):
    if len(l) <= 1:
        return l
    p = l[0]
    return qsort([x for x in l[1:] if x < p]) + [p] + qsort([x for x in l[1:] if x >= p])
print(qsort([5, 2, 9, 1, 5, 6, 0, -3]))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(6, "A", "B", "C", [])))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(17, 5))
words = "it was the best of times it was the worst of times".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)])
def bsearch(l, x):
    lo, hi = 0, len(l)
    while lo < hi:
        mid = (lo + hi) // 2
        if l[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
print(bsearch(list(range(0, 100, 3)), 42))
print(2 ** 40, 3 ** 30, 12345678 * 87654321, -(2 ** 33) // 7, 10 ** 18)
s = 0
for i in range(1000):
    s += i * i
print(s)
print(int("123456789012"), 2 ** 62, -(2 ** 62))
