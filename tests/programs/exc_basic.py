try:
    1 / 0
except ZeroDivisionError:
    print("zero division")

try:
    [][1]
except IndexError:
    print("index error")

try:
    {}["missing"]
except KeyError as e:
    print("key error", repr(e))

try:
    int("abc")
except ValueError:
    print("value error")

try:
    None.foo
except AttributeError:
    print("attribute error")

try:
    len(5)
except TypeError:
    print("type error")
