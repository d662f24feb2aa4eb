def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[0]
    less = [x for x in xs[1:] if x < pivot]
    more = [x for x in xs[1:] if x >= pivot]
    return quicksort(less) + [pivot] + quicksort(more)


data = [(i * 7919) % 101 for i in range(40)]
print(quicksort(data))
print(quicksort(data) == sorted(data))


def merge_sort(xs):
    if len(xs) < 2:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while a and b:
        out.append(a.pop(0) if a[0] <= b[0] else b.pop(0))
    return out + a + b


print(merge_sort(data) == sorted(data))
