# Benchmark: attribute access (instance fields, class attributes, methods, inheritance, properties).


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def move(self, dx, dy):
        self.x += dx
        self.y += dy


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def norm1(self):
        return Point.norm1(self) + abs(self.z)


class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        self._c = v


def main():
    p = Point(1, 2)
    q = Point3(1, 2, 3)
    t = Temp()
    acc = 0
    for i in range(20000):
        p.move(1, -1)
        acc += p.x - p.y
        acc += p.dims + q.dims + Point.dims
        q.z = i & 15
        acc += q.norm1()
        t.celsius = i
        acc += t.celsius
    objs = [Point(i, -i) for i in range(200)]
    for r in range(20):
        for o in objs:
            acc += o.norm1()
    return acc


print("attrs", main())
