# Constants of every kind, names, attributes, arithmetic.
import sys
from os import path as p

a = 1
b = -17
c = 2**100
d = 1.5
e = 1e16
f = 2j
g = "short"
h = "a longer string constant"
i = b"bytes"
j = (1, "two", 3.0, None, True, ...)
k = a + b * c // 3
sys.stdout.write(g)
del a
print(p.join("x", "y"), sep="")
