# Native module-level code: comprehensions, slicing, unpacking, string formatting, loops (prints).
import micropython


@micropython.native
def stats(values):
    lo, *mid, hi = sorted(values)
    d = {str(v): v * v for v in values if v % 2}
    s = {v % 3 for v in values}
    return lo, mid[1:3], hi, sorted(d.items()), sorted(s)


@micropython.native
def search(items, target):
    for i, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return i


@micropython.native
def text(words):
    out = []
    i = 0
    while True:
        i += 1
        if i > len(words):
            break
        if i % 2 == 0:
            continue
        out.append("{}:{}".format(i, words[i - 1].upper()))
    return ", ".join(out) + " " + words[-1][1:3] + " %5.2f" % 3.14159


@micropython.native
def floats(a, b):
    return a / b, a // b, a % b, 2 ** 10, abs(-a)


print(stats([5, 3, 9, 1, 7, 2, 8]))
print(search("abcdef", "d"), search("abc", "z"))
print(text(["alpha", "beta", "gamma", "delta", "eps"]))
print(floats(7.5, 2.0))
print([x * y for x in range(3) for y in range(3) if x != y])
