rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("kiwi", 100, 1.0)]
for name, qty, price in rows:
    print("{:<8}{:>5}{:>8.2f}".format(name, qty, price))
print("-" * 21)
print("{:<8}{:>5}{:>8.2f}".format("total", sum(r[1] for r in rows), sum(r[1] * r[2] for r in rows)))
