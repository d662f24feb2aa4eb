X = (1, 2.5, b'ab', 'hi', 12345678901234567890)
def f(a, *, k=3):
    return [a * k, X]
class C:
    def m(self): return "m" + str(self)
