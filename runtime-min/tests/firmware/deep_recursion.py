# Every kind of deep recursion the VM has, each deep enough to need far more native stack
# than the firmware gives the VM (Vm::stack_limit): each case must end with its result or
# with RuntimeError (MemoryError where the 64 KB heap runs out first), never overflow the
# stack. firmware_qemu.rs runs it under QEMU and checks the stack peak it reaches.
def test(name, fn):
    try:
        r = fn()
        print(name, "ok", r)
    except RuntimeError as e:
        print(name, "RuntimeError", e)
    except Exception as e:
        print(name, type(e).__name__, e)

def deep_class():
    C = object
    for i in range(1500):
        C = type("C", (C,), {})
    return hasattr(C(), "x"), isinstance(C(), int), issubclass(C, int)
test("class", deep_class)

def deep_tuple_isinstance():
    t = int
    for i in range(1500):
        t = (t,)
    return isinstance(5, t)
test("isinstance", deep_tuple_isinstance)

def gen(n):
    if n:
        yield from gen(n - 1)
    else:
        yield 1
test("yieldfrom", lambda: list(gen(1500)))

import json
test("json", lambda: len(json.loads("[" * 1500 + "]" * 1500)))
test("json2", lambda: len(json.loads('{"a":' * 1500 + "1" + "}" * 1500)))

import re
test("re", lambda: re.compile("(" * 1500 + "a" + ")" * 1500).match("a") is not None)
test("re2", lambda: re.match("(a|b)*c", "ab" * 1500 + "c") is not None)
test("re3", lambda: re.match("(?:a*)*b", "a" * 1500 + "b") is not None)

def deep_dict():
    d = {}
    for i in range(1500):
        d = {"k": d}
    return d == d
test("dicteq", deep_dict)
def deep_list_cmp():
    a = []
    b = []
    for i in range(1500):
        a = [a]; b = [b]
    return a < b
test("listlt", deep_list_cmp)
def deep_sorted():
    a = []
    for i in range(1500):
        a = [a]
    return len(sorted([a, a]))
test("sorted", deep_sorted)
def deep_str_format():
    return len(("{}" * 10).format(*range(10)))
test("fmt", deep_str_format)
def deep_set():
    s = frozenset()
    for i in range(1500):
        s = frozenset([s])
    return hash(s) is not None, s == s
test("frozenset", deep_set)
def deep_closure():
    f = lambda: 1
    for i in range(1500):
        f = (lambda g: lambda: g())(f)
    return f()
test("closures", deep_closure)
def deep_property():
    class A:
        @property
        def p(self):
            return self.p
    return A().p
test("property", deep_property)
def deep_getattr():
    class A:
        def __getattr__(self, n):
            return getattr(self, n + "x")
    return A().a
test("getattr", deep_getattr)
def deep_repr():
    class A:
        def __repr__(self):
            return repr(self)
    return repr(A())
test("repr", deep_repr)
def deep_eq():
    class A:
        def __eq__(self, o):
            return [self] == [o]
    return A() == A()
test("eq", deep_eq)
def deep_hash():
    class A:
        def __hash__(self):
            return hash((self,))
    return hash(A())
test("hash", deep_hash)
def deep_iter():
    class A:
        def __iter__(self):
            return iter(A())
    return iter(A())
test("iter", deep_iter)
def deep_next():
    class A:
        def __iter__(self): return self
        def __next__(self):
            return next(self)
    return list(A())
test("next", deep_next)
def deep_len():
    class A:
        def __len__(self):
            return len(self)
    return len(A())
test("len", deep_len)
def deep_bool():
    class A:
        def __bool__(self):
            return bool(self)
    return bool(A())
test("bool", deep_bool)
def deep_contains():
    class A:
        def __contains__(self, x):
            return x in self
    return 1 in A()
test("contains", deep_contains)
def deep_getitem():
    class A:
        def __getitem__(self, i):
            return self[i]
    return A()[0]
test("getitem", deep_getitem)
def deep_call():
    class A:
        def __call__(self):
            return self()
    return A()()
test("call", deep_call)
def deep_init():
    class A:
        def __init__(self):
            A()
    return A()
test("init", deep_init)
def deep_new():
    class A:
        def __new__(cls):
            return A()
    return A()
test("new", deep_new)
def deep_str_join():
    class A:
        def __str__(self):
            return str(self)
    return str(A())
test("str", deep_str_join)
def deep_add():
    class A:
        def __add__(self, o):
            return self + o
    return A() + 1
test("add", deep_add)
def deep_map_call():
    def f(x):
        return list(map(f, [x]))
    return f(1)
test("mapcall", deep_map_call)
def deep_sorted_key():
    def k(x):
        return sorted([1, 2], key=k)
    return sorted([1, 2], key=k)
test("sortkey", deep_sorted_key)
def deep_exit():
    class A:
        def __enter__(self):
            with A():
                pass
        def __exit__(self, *a):
            pass
    with A():
        pass
test("with", deep_exit)
def deep_descr_get():
    class D:
        def __get__(self, obj, t):
            return obj.x
    class A:
        x = D()
    return A().x
test("descr", deep_descr_get)
def deep_setattr():
    class A:
        def __setattr__(self, n, v):
            setattr(self, n, v)
    A().x = 1
test("setattr", deep_setattr)
def deep_del():
    class A:
        def __delitem__(self, n):
            del self[n]
    del A()[0]
test("delitem", deep_del)
def deep_index():
    class A:
        def __index__(self):
            return [1][self]
    return [1][A()]
test("index", deep_index)
def deep_int():
    class A:
        def __int__(self):
            return int(self)
    return int(A())
test("int", deep_int)
def deep_float():
    class A:
        def __float__(self):
            return float(self)
    return float(A())
test("float", deep_float)
def deep_abs():
    class A:
        def __abs__(self):
            return abs(self)
    return abs(A())
test("abs", deep_abs)
def deep_neg():
    class A:
        def __neg__(self):
            return -self
    return -A()
test("neg", deep_neg)
def deep_lt():
    class A:
        def __lt__(self, o):
            return self < o
    return A() < A()
test("lt", deep_lt)
def deep_reversed():
    class A:
        def __reversed__(self):
            return reversed(self)
    return reversed(A())
test("reversed", deep_reversed)
def deep_dir():
    class A:
        def __dir__(self):
            return dir(self)
    return dir(A())
test("dir", deep_dir)
def deep_print():
    class A:
        def __repr__(self):
            print(self)
            return ""
    print(A())
test("print", deep_print)
def deep_fstring():
    class A:
        def __format__(self, s):
            return f"{self}"
    return f"{A()}"
test("format", deep_fstring)
def deep_iterators():
    x = (1, 2)
    for i in range(1500):
        x = map(abs, filter(None, enumerate(zip(x))))
    return len(tuple(x))
test("iterators", deep_iterators)
def deep_plain_calls():
    def f(n):
        return f(n + 1)
    return f(0)
test("calls", deep_plain_calls)
print("done")
