data = [4, -2, 9, 0, 7]
print(min(data), max(data), sum(data), sum(data, 100))
print(min(3, 1, 2), max("apple", "pear", "fig"), max([], default="none") if False else max([5]))
print(min(data, key=abs), max(data, key=lambda v: -v))
print(max("a", "bb", "ccc", key=len), min([[3], [1, 2]]))
print(sum([0.5, 0.25]), sum(range(1001)))
try:
    max([])
except ValueError:
    print("empty max")
