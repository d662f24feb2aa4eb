# Benchmark: lists (append, index, slicing, comprehensions, sort, sum, min/max, tuples).


def main():
    acc = 0
    lst = []
    for i in range(10000):
        lst.append((i * 7919) % 10007)
    for r in range(3):
        sq = [x * x for x in lst if x & 1]
        acc += len(sq)
        acc += sum(lst[100:2000])
    srt = sorted(lst)
    acc += srt[0] + srt[-1] + srt[5000]
    lst.sort(reverse=True)
    acc += lst[0]
    acc += max(lst) - min(lst)
    matrix = [[i * j for j in range(60)] for i in range(60)]
    for row in matrix:
        acc += row[-1]
    t = [(i, -i) for i in range(3000)]
    for a, b in t:
        acc += a + b + 1
    stack = []
    for i in range(10000):
        stack.append(i)
        if i % 3 == 0:
            acc += stack.pop()
    acc += len(stack)
    copy = lst[:]
    copy.reverse()
    acc += copy[0] + copy.index(copy[100])
    acc += len(list(zip(lst[:2000], copy)))
    acc += sum(lst[::7]) + len(lst[::-3])
    acc += len([e for e in enumerate(lst[:1000])])
    return acc


checksum = 0
for _ in range(3):
    checksum += main()
print("lists", checksum)
