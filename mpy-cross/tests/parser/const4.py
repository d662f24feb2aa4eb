X = const(1)
X = const(2)
