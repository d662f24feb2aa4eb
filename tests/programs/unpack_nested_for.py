pairs = [((1, 2), "a"), ((3, 4), "b")]
for (x, y), label in pairs:
    print(label, x + y)
grid = {(0, 0): "o", (1, 0): "x"}
for (col, row), mark in sorted(grid.items()):
    print(col, row, mark)
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
