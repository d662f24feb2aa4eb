a = [1, 2, [3]]
print(2 in a, [3] in a, 3 in a, 4 not in a)
print("ell" in "hello", "" in "abc", b"b" in b"abc")
print(1 in {1: "x"}, "x" in {1: "x"}, 2 in {2, 3}, 5 in range(0, 10, 5))
x = None
print(x is None, x is not None, type(x) is type(None))
e = []
f = []
print(e == f, e is f, not e)
