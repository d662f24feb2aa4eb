# Float powers (half-integer exponents through sqrt), exact logs of powers, factorial,
# trigonometry of moderately large arguments.
import math

for x in (2, 2.0, 100, 100.0, 0.25, 1e6, 3, 7.5):
    print(x ** 0.5, x ** 1.5, x ** -0.5, x ** 2.5, math.pow(x, 0.5), pow(x, 1.5))
for x in (1, 10, 100, 1000, 1e-3, 1e22, 1e-22, 1024, 2 ** 60, 0.125):
    print(math.log10(x), math.log2(x))
print([math.factorial(n) for n in range(8)], math.factorial(25))
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError", e)
for x in (0.5, 2.0, 12345.678, 1000000.0, -98765.4321):
    print(math.sin(x), math.cos(x))
print(math.exp(0), math.exp(-1) * math.exp(1) > 0.9999999999, math.sqrt(2) ** 2)
