# bytes operations that take any object with the buffer protocol, and `import __main__`
import array

print(array.array('b', [1, 2]) in b'\x01\x02\x03')
print(memoryview(b'\x02\x03') in b'\x01\x02\x03', b'' in b'abc')
print(b'abc' == array.array('b', [0x61, 0x62, 0x63]))
print(int(memoryview(b"123")), int(bytearray(b"-45")))
print(memoryview(b'\x7f\x80\xff').hex(), memoryview(b'ab').hex(':'))
for x in ["ab\tcd\n  ef ", " ab cd ef ", "", " ", "abcde", "ab cd e", "a b cd ef", "abga", "ab:cd"]:
    try:
        print(bytes.fromhex(x))
    except ValueError as e:
        print("ValueError", repr(x), e)
print(bytes.fromhex(b"0a0b"), bytes.fromhex(memoryview(b"ff")))
try:
    bytes.fromhex(1)
except TypeError as e:
    print("TypeError", e)

import __main__
print(repr(__main__).startswith("<module '__main__'"))
__main__.x = 1
print(__main__.x)
del __main__.x
print(hasattr(__main__, 'x'))
if 1:
    for args in [("ff", 16), (b"ff", 16), (bytearray(b"ff"), 16), (5, 10), (5.5, 10), (None, 10), ("10", "2")]:
        try:
            print(int(*args))
        except Exception as e:
            print(type(e).__name__, e)
    try:
        print(int("10", base=2))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(int(x="10"))
    except Exception as e:
        print(type(e).__name__, e)
    print(int(bytearray(b" 12 ")), int(True))
