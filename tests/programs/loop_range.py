print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)))
r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[1:3] == range(7, 15, 4) if False else list(r[1:3]), 11 in r, 12 in r)
total = 0
for i in range(1, 101):
    total += i
print(total)
print(list(reversed(range(4))))
