# Benchmark: integer loops (while, for over range, nested loops, augmented assignment).


def while_loop(n):
    i = 0
    total = 0
    while i < n:
        total += i & 7
        i += 1
    return total


def for_range(n):
    total = 0
    for i in range(n):
        total = (total + i * 3) % 1000003
    return total


def nested(n):
    count = 0
    for i in range(n):
        for j in range(n):
            if (i ^ j) & 1:
                count += 1
            else:
                count -= 2
    return count


def sieve(n):
    flags = [True] * n
    flags[0] = flags[1] = False
    i = 2
    while i * i < n:
        if flags[i]:
            for k in range(i * i, n, i):
                flags[k] = False
        i += 1
    count = 0
    for f in flags:
        if f:
            count += 1
    return count


checksum = 0
for rep in range(3):
    checksum += while_loop(60000)
    checksum += for_range(60000)
    checksum += nested(150)
    checksum += sieve(20000)
print("loops", checksum)
