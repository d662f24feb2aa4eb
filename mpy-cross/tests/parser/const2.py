X = const((1, "abc", None, ...))
Y = const(X)
print(Y)
