def make():
    fs = [lambda x, i=i: x * i for i in range(5)]
    gs = [(lambda x: x + j) for j in range(3)]
    return [f(10) for f in fs], [g(10) for g in gs]


print(make())


def scoped(n):
    base = n
    return {k: [base + k + m for m in range(k)] for k in range(4)}


r = scoped(100)
print([r[k] for k in sorted(r)])


def gen_closure():
    mult = 3
    return list(sum(mult * a * b for b in range(a)) for a in range(5))


print(gen_closure())
