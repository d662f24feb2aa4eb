# array.array and memoryview: construction, indexing, slicing, growth, buffers, errors.
from array import array

for tc in "bBhHiIlLqQ":
    a = array(tc, [1, 2, 3])
    a.append(100)
    a.extend([5, 6])
    print(tc, a, len(a), a[0], a[-1], list(a[1:3]), a[1:3])
s = array("h", [-2, 7])
s += array("h", [9])
print(s, s + array("h", [4]), bytes(array("H", [0x4142])))
print(array("b", range(4)), array("B", b"xyz"), array("i", (i * i for i in range(5))))
try:
    array("z")
except ValueError as e:
    print("ValueError", e)
w = array("I", [1, 2, 3, 4, 5])
w[1:3] = array("I", [7, 8, 9])
print(w)
w[0:4] = array("I")
print(w, bool(w), bool(array("I")))
try:
    w[10]
except IndexError as e:
    print("IndexError", e)
try:
    w[0:1] = [1]
except NotImplementedError as e:
    print("NotImplementedError", e)
print(array("B", [1, 2]) == array("b", [1, 2]), array("H", [1]) < array("H", [2]))
print(array("B", [1, 2]) == b"\x01\x02", 5 in array("B") if False else 0)
b = bytearray(b"hello")
m = memoryview(b)
m[0] = 72
m2 = m[1:4]
m2[0] = 69
print(b, len(m2), list(m2), bytes(m2), m2.itemsize, m2 == b"Ell")
m2[1:3] = b"LL"
print(b, bytearray(m))
r = memoryview(b"abc")
try:
    r[0] = 1
except TypeError as e:
    print("TypeError", e)
ai = array("i", [10, 20, 30])
mi = memoryview(ai)[1:]
mi[0] = -5
print(ai, list(mi), mi.itemsize, len(memoryview(mi)))
try:
    memoryview(5)
except TypeError as e:
    print("TypeError", e)
print(type(m).__name__, type(ai).__name__)
