import math
a = math.pi + math.e
b = math.tau * 2
c = -math.inf
d = math.nan
e = math.sqrt
f = math.pi.real
