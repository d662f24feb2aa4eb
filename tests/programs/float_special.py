inf = float("inf")
nan = float("nan")
print(inf, -inf, nan)
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan)
print(inf + 1, inf * 0 != inf * 0)
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0))
print(math.sqrt(16.0), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.pi, math.e)
