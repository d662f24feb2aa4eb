def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"


print([sign(n) for n in (-3, 0, 4)])
vals = [3, 8, 1]
print(max(vals) if vals else None, (lambda: 1 if not vals else 2)())
if (m := max(vals)) > 5:
    print("big max", m)
print([(y, y * y) for x in vals if (y := x + 1) % 2 == 0])
