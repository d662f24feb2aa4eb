from . import a
from ..b.c import (d as e, f,)
import g.h as i, j
from k import *
x = a if b else c
y = x[1:2, ::3, 4:]
z = {**a, "b": 1}
w = [*a, *b]
print(*a, **b)
if (n := 10) > 5: pass
