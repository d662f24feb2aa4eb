items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
d = {1: "a", 2: "b", 3: "c"}
for k in list(d):
    if k != 2:
        del d[k]
print(d)
seen = []
queue = [1]
for v in queue:
    seen.append(v)
    if v < 20:
        queue.append(v * 3)
print(seen)
