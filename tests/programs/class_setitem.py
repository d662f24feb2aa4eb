class Grid:
    def __init__(self):
        self.cells = {}

    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value

    def __getitem__(self, key):
        return self.cells.get(key, ".")

    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


g = Grid()
g[0, 0] = "x"
g[1, 2] = "o"
print(g[0, 0], g[1, 2], g[5, 5])
print((1, 2) in g, (2, 1) in g)
del g[0, 0]
print((0, 0) in g, g[0, 0])
