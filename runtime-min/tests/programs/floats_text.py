# Float repr, formatting and parsing across the double range (differential vs the reference VM).
seed = 12345


def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed


def rnd_float():
    m = (rnd() % 1048576) * 4294967296 + rnd() * 2 + rnd() % 2
    k = rnd() % 2100 - 1100
    return (m + 4503599627370496) * 2.0 ** k if k > -1075 else m * 2.0 ** -1074


out = []
for i in range(300):
    f = rnd_float()
    r = repr(f)
    back = float(r)
    out.append(r if back == f else r + "!")
    if i % 3 == 0:
        out.append("%.3e|%.10g|%g|%.2f" % (f, f, f, f))
    if i % 5 == 0:
        out.append("{:.17g}|{:.0e}|{:e}".format(f, f, f))
for s in ["1e-320", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623158e308",
          "0.1", "123456789012345678901234567890", "3.14159265358979323846264338327950288", "1e23", "8.98846567431158e307",
          "2.2250738585072011e-308", "0.000000000000000000000000000001", "9007199254740993", "1_0.0_1"]:
    f = float(s)
    out.append(s + " -> " + repr(f))
for k in range(-30, 23):
    f = 1.5 * 10.0 ** k
    out.append(repr(f) + " " + repr(1 / f) + " " + ("%.5f" % f if k < 15 else ""))
print("\n".join(out))
