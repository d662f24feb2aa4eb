def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 5, 50)])
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 != 2)
x = 5
print("yes" if x > 3 else "no", x if x else -1)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)
n = 0
while True:
    n += 1
    if n > 100:
        break
print(n)
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total += 1000
print(total)
del x
try:
    print(x)
except NameError as e:
    print("deleted:", e)
a = b = c = 7
print(a, b, c)
a += 1; b -= 1; c *= 2
print(a, b, c)
s = "x"
s += "y"
s *= 2
print(s)
l = [1]
l *= 3
print(l)
t = ((1, 2), (3, 4))
for (p, q) in t:
    print(p + q, end=" ")
print()
d = {"a": [1, 2], "b": [3]}
for k, (first, *rest) in d.items():
    print(k, first, rest)
print(list(range(0)), list(range(-3)), list(range(5, 0, -1)))
i = 10
while i:
    i //= 2
print(i)
def early(l):
    for v in l:
        if v > 2:
            return v
    return None
print(early([1, 2, 3, 4]), early([]))
res = []
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
        res.append(i)
    except ValueError as e:
        res.append(-1)
    finally:
        res.append("f")
print(res)
