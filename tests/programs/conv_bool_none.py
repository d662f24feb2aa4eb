print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None))
print(True + True, True * 10, False - 1, int(False))
print(str(True), repr(False), str(None), None is None, None == 0)
print(1 == True, 0 == False, "" == False)
x = None
print(x or "default", 0 or "", [] or [1], 3 and 4, 0 and 5)
