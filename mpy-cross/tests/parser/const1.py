from micropython import const
X = const(1)
_Y = const(2)
Z: int = const(X + 3)
print(X, _Y, Z, a.X)
