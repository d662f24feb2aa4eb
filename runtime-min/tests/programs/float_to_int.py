# Exact ints from large floats (int, round, math.floor/ceil/trunc), __int__ checks,
# built-in types' __dict__.
import math

for f in (1e20, 1e300, -2.5e40, float(2 ** 70), 1.7e38, -1.7e308, 123.9, -0.5):
    print(int(f), round(f), math.floor(f), math.ceil(f), math.trunc(f))
for bad in (float("inf"), float("nan")):
    for conv in (int, round, math.floor):
        try:
            conv(bad)
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)


class Good:
    def __int__(self):
        return 42


class Bad:
    def __int__(self):
        return "no"


print(int(Good()))
try:
    int(Bad())
except TypeError:
    print("TypeError")
print("from_bytes" in int.__dict__, "append" in list.__dict__, "keys" in dict.__dict__, type(str.__dict__))
