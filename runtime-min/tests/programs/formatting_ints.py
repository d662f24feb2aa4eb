# Integer formatting: grouping, zero padding, precision, c alignment, big ints.
for v in (0, 7, -7, 1234567, -1234567, 2**70, -(2**70)):
    print("{:,}".format(v), "{:_}".format(v), "{:_x}".format(v), "{:_b}".format(v & 0xFFFF))
    print("{:012,d}|{:>12,}|{:<12,}|{:^14,}".format(v, v, v, v))
    print("{:+08d}|{: d}|{:#x}|{:#o}|{:#b}|{:X}".format(v, v, v, v, v & 255, v))
for w in range(1, 9):
    print(("{:0%d,d}" % w).format(42), ("{:0%d_x}" % w).format(42))
print("[{:5c}]".format(65), "[{:<5c}]".format(66), "[{:^5c}]".format(67))
print("[{:<06s}]".format("ab"), "[{:>06s}]".format("ab"), "[{:*^7s}]".format("ab"))
for v in (-12, 12, 0):
    print(">%8.4d<" % v, ">%+8.4d<" % v, ">%08.4d<" % v, ">%-8.4d<" % v, ">%-08.4d<" % v)
    print(">%#6x<" % v, ">%#06o<" % v, ">%.3x<" % v, ">%*.*d<" % (7, 5, v))
print("%+ 3d|% +3d|%+03d" % (5, 5, 5))
print("%d %d" % (2**65, -(2**65)), "%x" % 2**65, "%5.1d" % 3.9)


class Num:
    def __int__(self):
        return 99


print("%d" % Num())
print("%(a)s-%(b)05d" % {"a": "x", "b": 3})
for bad in ("%(a)s %s", "%(a", "%(a)s"):
    try:
        print(bad % ({"a": 1} if bad != "%(a)s" else 5))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(hex(2**100), oct(-(2**70)), bin(5), hex(-255), oct(0))
