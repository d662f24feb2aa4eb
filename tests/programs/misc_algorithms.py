def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]


print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))
print(primes(60))


def binary_search(xs, t):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == t:
            return mid
        if xs[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


ps = primes(100)
print(binary_search(ps, 61), binary_search(ps, 60))
