def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])
print(next(f))


def gen_with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally ran")


for x in gen_with_finally():
    print(x)
