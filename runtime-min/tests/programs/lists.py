l = [5, 3, 8, 1]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.insert(1, 99)
print(l, l.pop(), l.pop(0), l)
l.extend([7, 7])
print(l.count(7), l.index(7), l)
l.remove(7)
print(l)
l.reverse()
print(l)
l[1:3] = [10, 20, 30]
print(l)
del l[0]
print(l)
try:
    l[::2] = [0, 0]
except NotImplementedError:
    print('no extended slice assignment')
print(l)
del l[1:3]
print(l)
print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(2) for j in range(2)])
m = [[0] * 3 for _ in range(2)]
m[0][1] = 5
print(m)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower), sorted(words, reverse=True))
t = (1, 2, 3)
print(t + (4,), t * 2, t[1:], t.index(2), t.count(1), len(t), 2 in t)
a = [1, 2]
b = a
b += [3]
print(a, a == [1, 2, 3], a is b, [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
c = a.copy()
c.clear()
print(a, c, list(range(5))[-2:], [1, 2, 3][5:])
print(sum(x for x in range(10)), max(len(w) for w in words))
nested = [1, [2, [3, [4]]]]
print(nested, len(nested))
x = list(range(20))
print(x[2:15:3], x[-1:-6:-2], x[::-5])
