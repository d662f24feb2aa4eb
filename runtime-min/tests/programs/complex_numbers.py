# complex numbers (py/objcomplex.c) and the cmath module
import cmath


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


z = 1 + 2j
print(z, 2j, -2j, 1j * 1j, (1 + 2j) * (3 - 4j), z / (1 - 1j), z / 2, z / 2j)
print(z**2, z**0.5, 2**z, (-8) ** (1 / 3), (-2.0) ** 0.5)
print(z.real, z.imag, abs(3 + 4j), -z, +z, z == 1 + 2j, z != 1, 1 + 0j == 1)
print(hash(1 + 0j) == hash(1), {z: "z"}[1 + 2j], [1j, 2j].index(2j), sum([1j, 2, 3.5]))
print(complex(), complex(1), complex(1.5, 2), complex("1+2j"), complex(" 3 "), complex("-j"))
print(complex("1e3j"), complex(1j, 1j), complex(True, 2), complex(2, 1j))
print(type(z).__name__, isinstance(z, complex), bool(0j), bool(1j), str(0.5j), repr(-0.0j))
print(1e300j * 1e300j, complex(float("inf"), float("nan")), "%s %r" % (1j, 2j), "{} {!r}".format(z, z), f"{z}")


class Real:
    def __float__(self):
        return 2.5


class Cplx:
    def __complex__(self):
        return 1 + 1j


print(complex(Real()), complex(Cplx()), cmath.sqrt(Real()))
print(complex(Real(), 1), complex(1, Real()))
for f in (
    lambda: z < z,
    lambda: z // 2,
    lambda: z % 2,
    lambda: 1 / 0j,
    lambda: 0j**-1,
    lambda: 0j**1j,
    lambda: 0j**0,
    lambda: 0j**2,
    lambda: complex("1+2"),
    lambda: complex("(1+2j)"),
    lambda: complex([]),
    lambda: complex(1, "a"),
    lambda: float(1j),
    lambda: int(1j),
    lambda: round(1j),
    lambda: divmod(1j, 1),
    lambda: z.conjugate(),
    lambda: cmath.sqrt("x"),
):
    t(f)
print(cmath.e, cmath.pi, cmath.sqrt(-1), cmath.exp(1j), cmath.log(-1), cmath.polar(1 + 1j))
print(cmath.rect(2, 0.5), cmath.phase(-1), cmath.log10(100j), cmath.cos(1 + 1j), cmath.sin(2j))
# large arguments: the full reduction modulo pi/2
print(cmath.exp(1e7j), cmath.exp(123456789.5j), cmath.cos(1e22 + 0j), (-1.0) ** 1000000.5)
