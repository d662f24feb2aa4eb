def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


a = make_counter(0)
b = make_counter(100)
print(a(), a(), a(5))
print(b(), a())
