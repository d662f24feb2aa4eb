# Benchmark: function calls (positional, defaults, keywords, *args, closures, recursion).


def add(a, b):
    return a + b


def with_defaults(a, b=2, c=3):
    return a + b * c


def kw_only(a, *, scale=1, offset=0):
    return a * scale + offset


def varargs(*args):
    return len(args)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def make_counter(step):
    total = 0

    def bump(x):
        nonlocal total
        total += x * step
        return total

    return bump


def main():
    acc = 0
    for i in range(8000):
        acc = add(acc, i) % 1000003
        acc += with_defaults(i)
        acc += with_defaults(i, c=5)
        acc += kw_only(i, scale=2, offset=1)
        acc += varargs(i, i, i)
    acc += fib(20)
    acc += ackermann(2, 30)
    bump = make_counter(3)
    for i in range(8000):
        bump(i)
    acc += bump(0)
    f = lambda x, y=1: x * y + 1
    for i in range(8000):
        acc += f(i, y=2)
    return acc


checksum = 0
for _ in range(2):
    checksum += main()
print("calls", checksum)
