from collections import OrderedDict as OD
import collections
d = collections.OrderedDict()
d["z"] = 1
d["a"] = 2
d["m"] = 3
print(list(d.keys()))
print(d, type(d), type(d).__name__)
e = collections.OrderedDict([(1, 2), (0, 5)])
print(e, len(e), e == {1: 2, 0: 5}, isinstance(e, dict))
del e[1]
e[9] = 1
e.update({3: 4})
print(e, e.popitem(), list(e.items()))
print(collections.OrderedDict(a=1), repr(collections.OrderedDict()))
print(dict(e))
f = e.copy()
print(type(f).__name__, f)
a = OD([(1, 2), (3, 4)])
b = OD([(3, 4), (1, 2)])
print({1: 2, 3: 4} == a, a == {1: 2, 3: 4}, a == b, a == OD(b), a != b)
print(type(a) is OD, issubclass(OD, dict), OD.__name__, OD)
print(OD.fromkeys('abc', 0))
x = OD()
for i in range(10):
    x[str(i)] = i
del x['3']
x.pop('5')
x['3'] = 33
print(x, x.get('7'), '9' in x, len(x))
print(x.setdefault('q', 1), list(x))
x.clear()
print(x, len(x))
class Sub(OD):
    pass
s = Sub(z=1)
s['a'] = 2
print(s, type(s).__name__)
print(a.popitem(), a.popitem(), a)
try:
    a.popitem()
except KeyError as e:
    print('KeyError', e)
print(OD({1:2}) | {3:4}) if hasattr(dict, '__or__') else print('noor')
d = {1: 1, 2: 2, 3: 3, 'a': 4}
print(d.popitem(), d.popitem(), d)
print(dict.fromkeys(range(5)), dict.fromkeys([3, 2, 1], 'x'), dict.fromkeys(iter('abc')))
