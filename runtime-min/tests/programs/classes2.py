class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError
    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Rect(2, 3), Square(4), Circle(1)]
for s in shapes:
    print(s.describe())
print(Shape.count, [type(s).__name__ for s in shapes], isinstance(shapes[1], Rect))
try:
    Shape("x").describe()
except NotImplementedError:
    print("abstract")
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return "Stack(%r)" % self._items
    def __eq__(self, other):
        return isinstance(other, Stack) and self._items == other._items
st = Stack().push(1).push(2).push(3)
print(st, len(st), st.pop(), st, st == Stack().push(1).push(2), st == 5)
class Node:
    def __init__(self, v, nxt=None):
        self.v = v
        self.nxt = nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
print(list(Node(1, Node(2, Node(3)))))
class Meta:
    @classmethod
    def create(cls, *args):
        return cls(*args)
    def __init__(self, a=0):
        self.a = a
class Sub(Meta):
    pass
print(type(Sub.create(5)).__name__, Sub.create(7).a)
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return self * -1
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __str__(self):
        return "Vec" + str(tuple(self.c))
v = Vec(1, 2) + Vec(3, 4)
v[0] = 10
print(v, v * 2, 3 * v, -v, v[1])
class Account:
    def __init__(self):
        self.__balance = 0
    def deposit(self, n):
        self.__balance += n
        return self.__balance
print(Account().deposit(5))
class E(Exception):
    pass
class F(E):
    def __str__(self):
        return "custom F"
try:
    raise F()
except E as e:
    print("caught", e, type(e).__name__, isinstance(e, Exception))
o = object()
print(type(o).__name__, isinstance(o, object))
