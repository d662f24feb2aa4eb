vals = [7, -7, 10 ** 25 + 3, -(10 ** 25 + 3)]
divs = [2, -2, 3, -10 ** 12]
for v in vals:
    print(v, [(v // d, v % d) for d in divs])
