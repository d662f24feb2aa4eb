class Layer:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  " * Layer.depth + "open " + self.name)
        Layer.depth += 1
        return self

    def __exit__(self, *a):
        Layer.depth -= 1
        print("  " * Layer.depth + "close " + self.name)


with Layer("outer"):
    with Layer("middle"):
        with Layer("inner"):
            print("  " * Layer.depth + "work")
    with Layer("second"):
        pass
