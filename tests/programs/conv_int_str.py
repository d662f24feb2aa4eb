print(int("42"), int("-17"), int("  8  "), int("+3"))
print(int("ff", 16), int("0xff", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("99", 0))
print(str(42), str(-0), repr(7), hex(255), oct(64), bin(5), hex(-1))
for bad in ["", "1.5", "abc", "0x"]:
    try:
        int(bad)
    except ValueError:
        print("bad int", repr(bad))
print(int(True), int(3.99), int("1_000"))
