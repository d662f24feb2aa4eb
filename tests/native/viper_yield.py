@micropython.viper
def f():
    yield 1
