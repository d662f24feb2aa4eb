"""Random mutation sequences on lists, dicts, sets, bytearrays and deques for differential
runtime testing; the state is printed after every step, so iteration order (dict and set
tables growing, shrinking and rehashing) is compared too. usage: gen_containers.py SEED"""
import random
import sys

R = random.Random(int(sys.argv[1]))
# None, tuples and frozensets hash from addresses in MicroPython (the immediate None, the empty
# tuple, the frozenset type): runtime-min uses the WebAssembly VM's, so their orders match too.
KEYS = ["0", "1", "2", "7", "-1", "100", "2**40", "'a'", "'b'", "'key'", "''", "True", "1.5", "b'x'",
        "None", "(1, 2)", "()", "('a', None)", "frozenset({1})"]


def key():
    return R.choice(KEYS + [str(R.randint(0, 60))])


STEPS = {
    "l": ["l.append(%s)", "l.insert(%d, %s)", "l.pop()", "l.pop(0)", "l.remove(%s)", "l.extend([%s, %s])", "l.reverse()",
          "l.sort(key=repr)", "del l[%d]", "l[%d] = %s", "l[1:3] = [%s]", "del l[::2]", "l += [%s]", "l *= 2", "l.clear()"],
    "d": ["d[%s] = %s", "del d[%s]", "d.pop(%s, None)", "d.popitem()", "d.setdefault(%s, %s)", "d.update({%s: %s})",
          "d.update([(%s, %s)])", "d = dict(d)", "d = {k: v for k, v in d.items() if hash(k) & 3}", "d.clear()",
          "for k in list(d)[:2]:\n        del d[k]"],
    "s": ["s.add(%s)", "s.discard(%s)", "s.remove(%s)", "s.pop()", "s |= {%s, %s}", "s &= {%s, %s, %s}", "s -= {%s}",
          "s ^= {%s, %s}", "s = set(s)", "s.update([%s])", "s = s.union({%s})"],
    "b": ["b.append(%d)", "b.extend(b'%s')", "b[%d] = %d", "del b[%d]", "b += b'zz'", "b[1:2] = b'%s'", "b.pop() if hasattr(b, 'pop') else 0"],
    "q": ["q.append(%s)", "q.appendleft(%s)", "q.pop()", "q.popleft()", "q.extend([%s, %s])"],
}


def fill(template):
    out = ""
    parts = template.split("%")
    out = parts[0]
    for p in parts[1:]:
        if p.startswith("d"):
            out += str(R.randint(-3, 8)) + p[1:]
        elif p.startswith("s"):
            out += (key() if "b'%s'" not in template else R.choice(["ab", "", "xyz"])) + p[1:]
        else:
            out += p
    return out


lines = ["from collections import deque", "l = [3, 1, 2]", "d = {'a': 1, 2: 'two', 'z': 0}", "s = {1, 'a', 2.5}",
         "b = bytearray(b'hello')", "q = deque((), 8)"]
for k in range(R.randint(40, 80)):
    c = R.choice("lldddsssbq")
    step = fill(R.choice(STEPS[c]))
    show = {"l": "l", "d": "d", "s": "s", "b": "b", "q": "list(q)"}[c]
    lines.append("try:\n    %s\n    print(%d, %s)\nexcept Exception as e:\n    print(%d, type(e).__name__, e)" % (step, k, show, k))
lines.append("print(sorted(d.items(), key=repr), sorted(s, key=repr), l, b, list(q))")
print("\n".join(lines))
