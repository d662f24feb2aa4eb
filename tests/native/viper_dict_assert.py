@micropython.viper
def f():
    return {'a': 1}
