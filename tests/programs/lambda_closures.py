def make_ops():
    ops = {}
    for name, k in [("double", 2), ("triple", 3)]:
        ops[name] = lambda x, k=k: x * k
    return ops


ops = make_ops()
print(ops["double"](5), ops["triple"](5))
counter = (lambda: [0])()
inc = lambda: counter.append(counter.pop() + 1)
inc()
inc()
print(counter)
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(10)])
