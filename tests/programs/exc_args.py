e = ValueError("a", 2, [3])
print(e.args, len(e.args))
print(str(ValueError("only")))
print(repr(ValueError("only")))
print(str(ValueError()), repr(ValueError()))
print(repr(KeyError("k")), str(KeyError("k")))
try:
    raise IndexError
except IndexError as e:
    print("class raised:", repr(e), e.args)
