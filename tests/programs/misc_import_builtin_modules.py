import sys
import math
from math import sqrt as square_root
import collections

print(square_root(81.0), math.floor(2.7))
print(sys.byteorder in ("little", "big"), type(sys.maxsize).__name__)
d = collections.OrderedDict()
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(list(d.keys()))
Point = collections.namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p.x + p.y, p[0], p)
