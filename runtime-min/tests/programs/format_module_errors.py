# %c argument checks, other %-format errors, read-only built-in modules, bytes of a big int.
for f, a in (('%c', 'aa'), ('a%', 1), ('%l', 1), ('%*', 1), ('%.*d %.*d', (20, 5))):
    try:
        print(repr(f % a))
    except Exception as e:
        print(type(e).__name__, e)
import sys
try:
    sys.x = 1
except AttributeError as e:
    print('AttributeError', e)
def f(x, y): pass
try:
    f(x=1)
except TypeError as e:
    print('TypeError', e)
i = 2**100
for t in (lambda: bytearray(i), lambda: bytes(i), lambda: 1 << -1, lambda: i >> -1):
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
