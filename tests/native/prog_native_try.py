# native try: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None


@micropython.native
def parse(s):
    try:
        v = int(s)
    except ValueError as e:
        v = -1
    else:
        v += 1
    return v


print(safe_div(7, 2), safe_div(1, 0))
print(parse("41"), parse("x"))
