calls = [0]


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            calls[0] += 1
            cache[n] = fn(n)
        return cache[n]

    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


for i in range(81):
    fib(i)
print(fib(80))
print(calls[0])
