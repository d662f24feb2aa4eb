g = 10
def read_global():
    return g
def write_global():
    global g
    g = 20
print(read_global())
write_global()
print(g)
def make_multipliers():
    return [lambda x, n=n: x * n for n in range(1, 4)]
print([m(2) for m in make_multipliers()])
def acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = acc()
a(1)
a(2)
print(a(3))
def shadow():
    x = 1
    def f():
        x = 2
        return x
    return f(), x
print(shadow())
class K:
    v = 5
    w = [v * i for i in range(3)] if False else [1]
    def m(self):
        return self.v
print(K().m(), K.w)
x = 0
def counter_gen():
    def g():
        nonlocal_val = [0]
        def inc():
            nonlocal_val[0] += 1
            return nonlocal_val[0]
        return inc
    return g()
c = counter_gen()
print(c(), c())

# `del` of a missing module-level name is a KeyError in MicroPython (runtime.c's
# mp_delete_name / mp_delete_global delete from the dict); `global` in a function too.
try:
    del never_defined_name
except KeyError as e:
    print("KeyError", e)
except NameError as e:
    print("NameError", e)


def delete_global():
    global never_defined_either
    del never_defined_either


try:
    delete_global()
except KeyError as e:
    print("KeyError", e)
except NameError as e:
    print("NameError", e)
