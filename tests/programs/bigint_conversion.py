n = 2 ** 130 + 7
print(str(n), len(str(n)))
print(hex(n), oct(2 ** 64), bin(2 ** 40 + 1))
print(int("123456789012345678901234567890") * 3)
print(int("-ffffffffffffffffffffffff", 16))
print(int("1" * 70, 2))
print(int(-7.0), int(1e20))
