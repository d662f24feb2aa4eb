text = "mississippi"
counts = {}
for ch in text:
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print("".join(reversed(text)))
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(set(words)))
print(" ".join(w[0].upper() + w[1:] for w in words[:3]))
print([w for w in words if len(w) == 3])
