# time.ticks_add / ticks_diff: wrapping arithmetic and the interval limits
from time import ticks_add, ticks_diff

top = ticks_add(0, -1)
half = top // 2
print(top, half, ticks_add(5, 7), ticks_add(5, -7), ticks_add(top, 1))
for start in (0, 99, top):
    for delta in (-half - 1, -half, -1, 0, 1, half, half + 1):
        try:
            end = ticks_add(start, delta)
            print(start, delta, ticks_diff(end, start) == delta, ticks_diff(start, end) == -delta)
        except OverflowError as e:
            print(start, delta, "OverflowError", e)
