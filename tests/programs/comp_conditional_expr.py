values = [3, -1, 0, 8, -5]
print(["pos" if v > 0 else "neg" if v < 0 else "zero" for v in values])
print([abs(v) if v < 0 else v for v in values])
print({v: ("even" if v % 2 == 0 else "odd") for v in range(4)}[3])
