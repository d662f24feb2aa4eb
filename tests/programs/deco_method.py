def logged(method):
    def wrapper(self, *args):
        result = method(self, *args)
        print("%s.%s%r -> %r" % (type(self).__name__, "call", args, result))
        return result

    return wrapper


class Calc:
    @logged
    def add(self, a, b):
        return a + b

    @staticmethod
    def pure(x):
        return -x


c = Calc()
c.add(2, 3)
print(Calc.pure(4), c.pure(5))
