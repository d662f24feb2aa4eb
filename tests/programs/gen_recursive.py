def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


for p in permutations([1, 2, 3]):
    print(p)
print(len(list(permutations("abcd"))))
