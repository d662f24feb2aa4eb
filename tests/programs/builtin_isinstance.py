values = [1, 2.0, "s", b"b", [1], (1,), {1: 2}, {1}, None, True, len]
for v in values:
    kinds = []
    for t in (int, float, str, bytes, list, tuple, dict, set, bool):
        if isinstance(v, t):
            kinds.append(t.__name__)
    print(repr(v) if not callable(v) else "<builtin>", kinds)
print(isinstance(1, (str, int)), isinstance("x", (list, tuple)))
