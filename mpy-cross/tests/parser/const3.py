X = const(a)
