# time.gmtime / localtime / mktime (UTC, unsigned 32-bit timestamps, normalization)
import time
for s in (0, -1, -86400 * 365, 951782400, 4102444800, 2 ** 31, 253402300799, 1700000000.7):
    try:
        print(s, time.gmtime(s), time.localtime(s))
    except Exception as e:
        print(s, type(e).__name__, e)
for t in ((2000, 1, 1, 0, 0, 0, 0, 0), (2024, 2, 30, 25, 61, 61, 0, 0), (2024, 13, 1, 0, 0, 0, 0, 0), (2024, 0, 0, -1, -1, -1, 0, 0, 0), (1969, 12, 31, 23, 59, 59, 0, 0), (2100, 3, 1, 0, 0, 0, 0, 0), [2020, 5, 5, 5, 5, 5, 5, 5]):
    print(t, time.mktime(t))
for bad in ((2000, 1), 5, (2000, 1, 1, 0, 0, "x", 0, 0)):
    try:
        time.mktime(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(len(time.gmtime()), len(time.localtime(None)))
for v in ("x", 1.5, True):
    try:
        print(time.gmtime(v))
    except TypeError as e:
        print("TypeError", e)
print(time.mktime((2024, 1, 10 ** 6, 0, 0, 0, 0, 0)) > 0, time.gmtime(time.mktime((2023, 6, 15, 12, 30, 45, 0, 0))))
