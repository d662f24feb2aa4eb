# range bounds and lengths as on MicroPython's 32-bit ports: a bound must have a magnitude
# below 2**31, and a length wider than 32 bits wraps as py/objrange.c computes it.
for a in ((10,), (-2**31, 2**31-1), (2**31-1, -2**31, -1), (5, 0, -2), (2**31-1, -2**31, -2**31), (-2**30, 2**30), (0, 2**30), (0, 2**30+5)):
    try:
        r = range(*a)
        print(len(r))
    except Exception as e:
        print(type(e).__name__, e)
print(list(range(10)[::3]), list(range(-10, 10, 4)[1:]))
