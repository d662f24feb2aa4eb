print(__name__)


def f():
    pass


print(f.__name__)


class C:
    def m(self):
        pass


print(C.__name__, C.m.__name__ if hasattr(C.m, "__name__") else "m")
print(type(C()).__name__)
