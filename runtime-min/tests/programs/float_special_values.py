# Special float values through pow, math, hashing and int conversion.
import math

inf = float("inf")
nan = float("nan")

# hash of floats agrees with ints of the same value; other floats hash stably
for v in (-12.0, 12.0, 0.0, -0.0, 1.0, 2.0**40, -(2.0**33 + 5)):
    print(v, hash(v) == hash(int(v)))
print(hash(0.5) == hash(0.5), hash(-1.5) == hash(-1.5))
d = {1: "one", -12: "minus twelve", 2**40: "big"}
print(d[1.0], d[-12.0], d[2.0**40])

# pow special cases
for x, y in ((0.0, inf), (0.0, -inf), (0.0, nan), (1.0, nan), (nan, 0.0), (-1.0, inf),
             (0.5, inf), (0.5, -inf), (2.0, inf), (2.0, -inf), (-inf, 3.0), (-inf, 2.0),
             (-inf, -3.0), (inf, -1.0), (-0.0, 3.0), (-2.0, 3.0), (-2.0, 1e10 + 1)):
    print("pow", x, y, pow(x, y), x ** y)
for x, y in ((0.0, -1.0), (0.0, -2)):
    try:
        print(x ** y)
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__)

# math: domain errors for finite inputs that give inf or nan
for f, args in ((math.pow, (0.0, -1.0)), (math.log, (0.0,)), (math.sqrt, (-1.0,)),
                (math.exp, (1000.0,)), (math.pow, (2.0, 0.5))):
    try:
        print("%.4f" % f(*args))
    except ValueError as e:
        print("ValueError", e)
print(math.asin(nan), math.acos(nan), math.pow(1.0, nan), math.pow(nan, 0.0))
for y, x in ((1.0, inf), (-1.0, inf), (1.0, -inf), (-1.0, -inf), (inf, inf), (inf, -inf),
             (-inf, inf), (-inf, -inf), (0.0, -0.0), (-0.0, -0.0), (0.0, 0.0), (-0.0, 1.0),
             (inf, 1.0), (1.0, 0.0), (nan, 1.0), (1.0, nan), (-2.0, -3.0), (2.0, -3.0)):
    print("atan2 %r %r %.6f" % (y, x, math.atan2(y, x)))
for v in (-100.0, -1.5, 2.25, inf, -inf, -0.0):
    print("modf", v, math.modf(v))

# float -> int, exact at any size
print(int(1e300))
print(int(-2.0**70), round(2.5e20), math.floor(-1e19), math.ceil(1.5e30), math.trunc(-3.7))
for v in (inf, -inf, nan):
    for f in (int, round, math.floor):
        try:
            f(v)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)


# __float__ where a float is needed
class Temperature:
    def __init__(self, c):
        self.c = c

    def __float__(self):
        return self.c * 1.8 + 32


class Broken:
    def __float__(self):
        return "hot"


t = Temperature(21.5)
print(float(t), "%.2f" % t, "%.1e" % t, math.sqrt(Temperature(0)) > 5)
for bad in (Broken(), object()):
    try:
        float(bad)
    except TypeError:
        print("TypeError")
