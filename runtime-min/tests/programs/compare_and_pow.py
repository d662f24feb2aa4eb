# Comparisons are not reflected (only arithmetic is); float powers and logs are rounded once.
import math


class OnlyLt:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v

    def __repr__(self):
        return "L%d" % self.v


class OnlyGt(OnlyLt):
    def __lt__(self, o):
        return NotImplemented

    def __gt__(self, o):
        return 1 if self.v > o.v else 0


class Eq:
    def __eq__(self, o):
        return "yes"

    def __radd__(self, o):
        return ("radd", o)


items = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(items), min(items), sorted(items, reverse=True))
for f in (lambda: OnlyLt(1) > OnlyLt(0), lambda: max(items), lambda: 5 < OnlyLt(1),
          lambda: OnlyLt(1) <= OnlyLt(2), lambda: [1] < OnlyLt(1)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
g = [OnlyGt(1), OnlyGt(5), OnlyGt(3)]
print(max(g).v, OnlyGt(2) > OnlyGt(1))
print(5 == Eq(), Eq() == 5, 5 != Eq(), Eq() != 5, 5 + Eq(), [] != Eq())

for x, y in ((25, 0.5), (2, 0.5), (10, 0.3), (7.0, 1.5), (0.1, 3.3), (1e10, 0.25), (3, -2.5),
             (1.0001, 10000.5), (2.0, 0.1), (123.456, 7.89), (0.5, 1074.5), (10.0, 22),
             (1.1, 300), (-2.0, 11), (-0.5, -7), (2.0, -1074), (7.0, 1 / 3), (1e-300, 0.01)):
    print(x, "**", y, "=", x ** y)
print(sum(2 ** (i / 7) for i in range(50)), [round(1.15 ** n, 10) for n in (0.5, 2.5, 10.5)])
for v in (2.0, 10.0, 1e-5, 123456.789, 1e300, 5e-324, 0.1, 1 + 2 ** -52):
    print(v, math.log(v), math.log10(v), math.log2(v), math.log(v, 3))
for v in (1.0, -1.0, 0.5, 10.0, 700.0, -700.0, -745.0, 1e-10, 2.302585092994046):
    print(v, math.exp(v))
print(math.pow(4.0, 0.5), math.pow(2, 62), math.ldexp(1.5, -1074), math.ldexp(3.0, 1000), math.ldexp(2.0 ** 100, -1100))
