print("hello", 1, 2 + 3, "a" + "b")
x = [1, 2, 3]
x.append(4)
print(x, len(x), x[1:3], x[-1], x[::-1], x[::2])
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, d.get('z', 9), list(d.keys()), list(d.values()), list(d.items()))
for i in range(3):
    print(i, end=' ')
print()
print(1 < 2, 2 <= 1, 3 == 3.0, "a" < "b", None is None, 1 != 2)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 7 / 2, 1 << 4, 255 >> 2, 5 & 3, 5 | 3, 5 ^ 3, ~5)
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
print(not 0, 0 or 5, 3 and 4, 0 and 1)
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("i", i)
else:
    print("no")
for j in []:
    pass
else:
    print("for-else")
print(abs(-3), abs(2.5), divmod(17, 5), pow(2, 8), pow(3, 4, 5), round(2.5), round(3.5), round(1.2345, 2))
print(int("42"), int("-17"), int("ff", 16), int("0x10", 0), float("1.5"), str(12), bool([]), bool([0]))
print(chr(65), ord("a"), hex(255), bin(5), oct(8))
print(min(3, 1, 2), max([1, 9, 3]), sum([1, 2, 3]), sum([], 10), sorted("hello"), any([0, 1]), all([1, 0]))
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy", 1)), list(map(lambda v: v * 2, [1, 2])))
print(list(filter(None, [0, 1, 2, 0])), list(reversed([1, 2, 3])), list(range(10, 0, -3)))
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), issubclass(bool, int))
print(type(1), type("s"), type([]), type(None), type(1.0), type(len))
