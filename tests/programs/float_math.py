import math
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 6))
print(round(math.log(100, 10), 6), math.exp(0), round(math.log(math.e), 6))
print(math.fabs(-2.5), math.fmod(7.0, 3.0), math.copysign(1.0, -0.0))
print(math.pow(2, 10), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(round(math.atan2(1, 1) * 4, 10), math.degrees(math.pi), math.radians(180))
