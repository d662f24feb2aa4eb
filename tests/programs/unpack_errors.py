try:
    a, b = [1, 2, 3]
except ValueError:
    print("too many values")
try:
    a, b, c = [1, 2]
except ValueError:
    print("not enough values")
try:
    x, y = 5
except TypeError:
    print("not iterable")
a, b = iter([7, 8])
print(a, b)
