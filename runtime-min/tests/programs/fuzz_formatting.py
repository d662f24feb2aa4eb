# Differential-fuzzing regressions: % formatting, str.format fills, ints and floats.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# % formatting: every argument must be used; %% only right after %
t(lambda: "x" % 5)
t(lambda: "x" % ())
t(lambda: "x" % {})
t(lambda: "x" % [])
t(lambda: "%s" % {"a": 1})
t(lambda: "%5%" % ())
t(lambda: "%5%" % (1,))
t(lambda: "a%%b %d" % 3)
# %c: one-byte str or an int code point; width counts bytes, no precision
t(lambda: "[%5c]" % "é")
t(lambda: "[%5c]" % 233)
t(lambda: "[%*.1c]" % (0, 264))
t(lambda: "[%c]" % -1)
t(lambda: b"%c" % b"ab")
t(lambda: "[%5c]" % True)
t(lambda: "{:c}".format(-5))
# %d of a huge float is exact
t(lambda: "%d" % 1.5e30)
t(lambda: "%i|%x" % (-2.5, 255))
# width and precision of text count bytes
t(lambda: "[%5s]" % "é")
t(lambda: "[{:5}]".format("é"))
t(lambda: "[{:>4}]".format("é"))
t(lambda: "é".center(5))
# a '0' fill with grouping repeats a 0000_ / 000, pattern (mp_print_strn)
for w in (0, 3, 4, 5, 6, 9, 11):
    print(("{:0%d_}" % w).format(1.5), ("{:0%d,}" % w).format("ab"), ("{:^0%d_}" % w).format(-2.5))
print("{: 010_.3g}".format(-7.5), "{:05_G}".format(3), "{:#011_.1f}".format(255), repr("{:0,}".format("")))
print(f"{72.07967:<+013,f}", f"{255:010,.12G}", "{:012,d}".format(-1234), "{:0=+9,}".format(12345))
# ints: pow with three arguments, round, divisions
t(lambda: pow(3, -2, 7))
t(lambda: pow(0, 0, -5))
t(lambda: pow(5, 3, -7))
t(lambda: round(2.5, None))
t(lambda: round(-1e-300, 5))
t(lambda: round(-0.4, 0))
t(lambda: 0 ** -2)
t(lambda: 0.0 ** -1)
t(lambda: [1][2**70])
t(lambda: "ab"[2**70])
t(lambda: "a" * 2**70)
t(lambda: 2**70 * (1,))
t(lambda: int("0B:é"))
t(lambda: int(b"12\xffz"))
t(lambda: int("x'y"))
# float hash is the value cast to a 32-bit int, then kept to small-int width
for v in (0.5, -652.12, 1e10, -1e10, 2.0**30, -2.0**30 - 1, 1.5e9, float("inf"), float("nan")):
    print(v, hash(v))
print({0.5: 1, 1.5: 2, -0.5: 3, 7.25: 4, 100.75: 5, 1e10: 6})
# big int to float rounds as mpz_as_float does with 16-bit digits
print(float(-1382676664394198227653365), float(-3792429946601243126567076406877))
print(divmod(3.5, -3792429946601243126567076406877), "%7f" % -1382676664394198227653365)
# {:c} is right-aligned ('=' too) without precision; %-0 pads floats with zeros
t(lambda: "{:08c}".format(255))
t(lambda: "{:6.0c}".format(2))
t(lambda: "{:*=#11c}".format(28154))
t(lambda: "{:=06,.6c}".format(100))
t(lambda: "%-05.2g|%0-11.0f|%-05d|%-05x" % (-1, 100, -1, 255))
t(lambda: "[%-010.9g]" % -7.5)
# hashes of ints beyond the small-int range: mpz_hash kept to small-int width
for v in (2**31, -(2**31), 2**32, -1454399491392, 999999999999999999, 2**100 + 7, -(2**100) - 7):
    print(hash(v))
print({-1, -2147483648, 100, 0, 256}, {2**40, 3, 2**33 + 1, -(2**35)})
# the '0' flag is the first digit of the width; an unset width pads nothing
t(lambda: "{:0>#,s}".format(""))
t(lambda: "{:0,}".format(""))
t(lambda: "{:0>,}".format(1.5))
# beyond the small-int range int() reparses without skipping '_'
t(lambda: int("1_000"))
t(lambda: int("1_000_000_000_000"))
t(lambda: int("_y791sy2b", 36))
t(lambda: int("-1_073_741_824"))
t(lambda: int("0x_ff", 16))
