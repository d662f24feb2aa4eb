def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)))
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(sum(count_up(101)))
print(type(g).__name__)
