# Benchmark: dicts (int and str keys, get, in, update, items, comprehension, deletion).


def main():
    d = {}
    for i in range(4000):
        d[i] = i * i
    acc = 0
    for r in range(5):
        for i in range(4000):
            acc += d[i] & 255
    keys = ["k" + str(i) for i in range(500)]
    s = {}
    for r in range(10):
        for k in keys:
            s[k] = s.get(k, 0) + 1
    for k in keys:
        if k in s:
            acc += s[k]
    for k, v in s.items():
        acc += len(k) + v
    sq = {k: len(k) for k in keys}
    acc += sum(sq.values())
    for i in range(0, 4000, 2):
        del d[i]
    acc += len(d)
    merged = dict(s)
    merged.update(sq)
    acc += len(merged)
    counts = {}
    for w in "the quick brown fox jumps over the lazy dog the end".split() * 100:
        counts[w] = counts.get(w, 0) + 1
    acc += counts["the"]
    return acc


checksum = 0
for _ in range(3):
    checksum += main()
print("dicts", checksum)
