print(hex(0), hex(4096), hex(-255), oct(0), oct(9), bin(0), bin(-6))
print(ord("a") + 1, chr(ord("a") + 1))
print(int(hex(12345), 16), int(bin(77), 2), int(oct(99), 8))
print("%x %o" % (3735928559, 511))
