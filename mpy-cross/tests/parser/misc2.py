@dec
@dec2(1)
class C(B, metaclass=M):
    x: int
    y: int = 2
    def m(self): return lambda a, b=1: a
