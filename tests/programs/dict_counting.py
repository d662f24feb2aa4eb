text = "one two three two three three"
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
for w, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])):
    print(w, n)
groups = {}
for n in range(10):
    groups.setdefault(n % 3, []).append(n)
print([groups[k] for k in sorted(groups)])
