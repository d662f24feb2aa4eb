# math's special functions (MICROPY_PY_MATH_SPECIAL_FUNCTIONS) and isclose: values to the
# last bit, special values, and domain/range errors as math_generic_1 raises them.
import math

V = [0.0, -0.0, 1e-310, 1e-300, 1e-20, 1e-10, 1e-8, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.84375]
V += [0.9, 0.99999, 1.0, 1.00001, 1.23, 1.25, 1.4616321449683622, 1.5, 1.75, 1.9, 2.0, 2.5]
V += [2.857, 3.0, 3.5, 4.0, 5.9, 6.0, 7.5, 8.0, 10.0, 20.0, 22.0, 23.0, 24.0, 27.9, 28.5]
V += [30.0, 38.8, 50.0, 100.0, 170.5, 171.7, 172.0, 183.9, 184.0, 200.0, 709.0, 709.8, 710.0]
V += [1e10, 1e17, 2.0**52, 2.0**58, 1e300, 1.7e308]
x = 0.013
while x < 400:
    V.append(x)
    x = x * 1.37 + 0.011
V += [-v for v in V]
V += [-171.5, -180.3, -184.5, -185.5, float("inf"), float("-inf"), float("nan")]

for name in ("expm1", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma"):
    fn = getattr(math, name)
    out = []
    for v in V:
        try:
            out.append(repr(fn(v)))
        except Exception as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-11), math.isclose(math.inf, math.inf))
print(math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan), math.isclose(-1, -1.0))
for bad in (lambda: math.isclose(1), lambda: math.isclose(1, 2, 3), lambda: math.isclose(1, 2, x=1),
            lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.isclose(1, 2, abs_tol=-0.5),
            lambda: math.erf(1, 2), lambda: math.gamma("x"), lambda: math.lgamma()):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
