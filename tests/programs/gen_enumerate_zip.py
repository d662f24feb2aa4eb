def letters():
    yield from "abc"


for i, ch in enumerate(letters(), 1):
    print(i, ch)
print(list(zip(letters(), range(10, 13), "XYZW")))
print(dict(zip(letters(), range(3)))["b"])
