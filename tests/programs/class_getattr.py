class Dynamic:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(name)


d = Dynamic()
print(d.real, d.x_hello)
print(getattr(d, "x_abc"), getattr(d, "nope", "default"))
print(hasattr(d, "x_q"), hasattr(d, "q"))
try:
    d.missing
except AttributeError:
    print("AttributeError")
