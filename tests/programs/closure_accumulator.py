def averager():
    values = []

    def add(v):
        values.append(v)
        return sum(values) / len(values)

    return add


avg = averager()
print(avg(10))
print(avg(20))
print(avg(60))


def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x

    return run


inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
