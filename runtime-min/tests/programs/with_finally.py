class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("open", self.n)
        return self.n
    def __exit__(self, *a):
        print("close", self.n, a[0] is not None)
        return False
with Res(1) as a, Res(2) as b:
    print("using", a, b)
def f():
    with Res(3):
        return "returned"
print(f())
for i in range(3):
    with Res(i):
        if i == 1:
            break
try:
    with Res(9):
        raise KeyError("x")
except KeyError:
    print("propagated")
def g():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
print(g())
def h():
    while True:
        try:
            break
        finally:
            print("break finally")
    return "h"
print(h())
