# Found by the objects fuzzer: a descriptor or property read through the class or super()
# is the object itself (MicroPython calls __get__ only for instances), instances with
# __int__ serve as ints (indices, range, %d; mp_obj_get_int's MP_UNARY_OP_INT_MAYBE),
# property takes no fget/fset keywords and has no such attributes, and bound methods print
# as <bound_method ADDRESS SELF.METHOD>.
class D:
    def __get__(self, obj, owner=None):
        return ("get", obj is None)


class B:
    d = D()

    def __init__(self):
        self.v = 1

    @property
    def p(self):
        return ("p", self.v)

    def m(self):
        return "m"


class C(B):
    @property
    def p(self):
        return ("child", super().p)

    def sup(self):
        return super(C, self).p


def t(f):
    try:
        r = f()
        s = str(r)
        print(s.split(" at ")[0] if " at " in s else s)
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: B.d)
t(lambda: B().d)
t(lambda: C().d)
t(lambda: B.p)
t(lambda: C().p)
t(lambda: C().sup())
t(lambda: hasattr(B.p, "fget"))
t(lambda: property(fget=lambda s: 1))
t(lambda: property(lambda s: 1, None, None, "doc"))
t(lambda: property(lambda s: 1, doc="x"))


class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v


class Bad:
    def __int__(self):
        return "no"


t(lambda: [10, 20, 30][Num(1)])
t(lambda: list(range(Num(3))))
t(lambda: "%d|%x" % (Num(7), Num(255)))
t(lambda: "abc"[Num(-1)])
t(lambda: bytes(Num(2)))
t(lambda: [1][Bad()])
t(lambda: repr(B().m)[:14])
t(lambda: repr([].append).split(" ")[0])
t(lambda: list.append)
t(lambda: repr("".join).split(" ", 2)[2])
