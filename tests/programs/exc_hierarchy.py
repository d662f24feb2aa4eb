for cls in [ZeroDivisionError, KeyError, IndexError, ValueError, StopIteration, OSError]:
    bases = []
    for base in [ArithmeticError, LookupError, Exception, BaseException]:
        if issubclass(cls, base):
            bases.append(base.__name__)
    print(cls.__name__, bases)
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
