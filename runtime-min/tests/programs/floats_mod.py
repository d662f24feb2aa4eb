import math
vals = [1e300, 3.5, -3.5, 0.1, 7.0, -7.25, 1e-300, 5e-324, 1e22, 2.0**60 + 1, 123.456, -0.0, 0.0, 1e-310, math.inf]
out = []
for a in vals:
    for b in vals:
        try:
            out.append(repr(math.fmod(a, b)) + "," + repr(a % b) + "," + repr(a // b) + "," + repr(divmod(a, b)))
        except Exception as e:
            out.append(type(e).__name__)
print(" ".join(out))
