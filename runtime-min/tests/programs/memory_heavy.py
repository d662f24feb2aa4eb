# Allocates much more than the heap over time: the collector must reclaim garbage.
total = 0
for i in range(2000):
    l = [j for j in range(50)]
    s = "x" * 100 + str(i)
    d = {"k": l, "s": s}
    total += len(d["k"]) + len(d["s"])
print(total)
keep = []
for i in range(200):
    keep.append(str(i) * 3)
print(len(keep), keep[-1])
