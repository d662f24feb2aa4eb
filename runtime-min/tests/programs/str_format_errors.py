# str.format error paths and format specs on non-numbers (py/objstr.c mp_obj_str_format_helper).


def attempt(fmt, *args, **kw):
    try:
        print(repr(fmt.format(*args, **kw)))
    except Exception as e:
        print(fmt, type(e).__name__, e)


attempt("{}{0}", 1, 2)
attempt("{0}{}", 1, 2)
attempt("{0}{1}{0}", 1, 2)
attempt("{}{}", 1, 2)
attempt("{a}{}{0}", 1, 2, a=3)
attempt("{}{a}{}", 1, 2, a=3)
attempt("{0}{a}{}", 1, 2, a=3)
attempt("{:{}}", "x", 5)
attempt("{0:{1}}", "x", 5)
attempt("{0:{}}", "x", 5)
attempt("{:{1}}", "x", 5)
attempt("{}{}{}", 1, 2)
attempt("{5}", 1)


class Obj:
    pass


class WithStr:
    def __str__(self):
        return "S"

    def __repr__(self):
        return "R"


class Num(int):
    pass


attempt("{:>8}", Obj())
attempt("{:8}", Obj())
attempt("{:s}", Obj())
attempt("{:d}", Obj())
attempt("{:x}", Obj())
attempt("{:>8}", WithStr())
attempt("{!s:>8}", WithStr())
attempt("{!r:>8}", WithStr())
attempt("{}", WithStr())
attempt("{:>8}", [1, 2])
attempt("{:>8}", (1,))
attempt("{:>8}", None)
attempt("{:>8}", {1: 2})
attempt("{:^9}", b"ab")
attempt("{:>8}", Num(5))
attempt("{:>8}", True)
attempt("{:>8}", 1.5)
attempt("{:>8}", "s")
attempt("{:}", Obj)
attempt("{:>8}", len)
attempt("{:d}", "s")
attempt("{:f}", [1])


# __format__ is not consulted: str() for an empty spec, else the errors above.
class F:
    def __format__(self, spec):
        return "F" + spec

    def __str__(self):
        return "s"


for fmt in ("{}", "{:>8}", "{:x}", "{!s:>4}", "{:}"):
    attempt(fmt, F())

# A bool under a spec formats as an int; an empty spec prints str().
print("{:>8}".format(True), "{}".format(True), "{:d}".format(False), "{:5}".format(True))
print("{:<5}|".format(False), "{:=8}".format(-5), "{:05}".format("ab"))
attempt("{:=8}", "s")
attempt("{:0=8}", "s")
attempt("{:+s}", "s")
attempt("{: }", "s")
attempt("{:+c}", 65)
attempt("{:^9}|{:>5}", b"ab", bytearray(b"cd"))
attempt("{:.1}", b"xyz")
attempt("{:{}{}}", "x", ">", 6)
attempt("{:{}}", "x")
