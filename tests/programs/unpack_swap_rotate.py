a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [5, 6, 7]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 2, 99
print(i, lst)
x = y = z = 0
x += 1
print(x, y, z)
