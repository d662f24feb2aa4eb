# native varargs: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def total(*args):
    s = 0
    for a in args:
        s += a
    return s


@micropython.native
def spread(xs):
    return total(*xs)


def helper(*a, **kw):
    return len(a), sorted(kw)


print(total(), total(1, 2, 3), spread([4, 5, 6]))
print(helper(1, 2, x=1))
