def check(x):
    assert x > 0, "x must be positive"
    return x


print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("assertion:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", e.args)
