print(type(1).__name__, type("").__name__, type([]).__name__, type(None).__name__)
print(type(1) is int, type(True) is bool, type(1.0) == float)
print(type(len).__name__ in ("function", "builtin_function_or_method"))


class K:
    pass


print(type(K()) is K, type(K).__name__)
a = [1]
b = a
print(a is b, a is [1], a == [1], id(a) == id(b))
