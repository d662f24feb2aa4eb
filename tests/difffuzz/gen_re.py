"""Random regular expressions for differential runtime testing of the `re` module (re1.5's
syntax as MicroPython has it: literals, `.`, classes and negated classes with ranges, `\\d \\w
\\s` and their negations, `* + ?` and their lazy forms, `|`, groups and non-capturing groups,
`^ $`), run over random subjects with match, search, sub (a template with group references,
or a function), split and the match object's group/start/end/span (the WebAssembly VM has
no `groups`); invalid patterns
print their error. usage: gen_re.py SEED [CASES]"""
import random
import sys

from fuzzlib import CASE_PRINTER

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 150
ALPHA = "abcxyz019 _-.,\n"


def atom(depth):
    r = R.random()
    if r < 0.35:
        return R.choice("abcxyz019 _-,")
    if r < 0.45:
        return "."
    if r < 0.55:
        return R.choice([r"\d", r"\w", r"\s", r"\D", r"\W", r"\S", r"\.", r"\-", r"\\"])
    if r < 0.7:
        neg = "^" if R.random() < 0.3 else ""
        items = []
        for _ in range(R.randint(1, 3)):
            if R.random() < 0.4:
                a = R.choice("abx0")
                items.append(a + "-" + chr(ord(a) + R.randint(0, 5)))
            else:
                items.append(R.choice(["a", "z", "1", "_", " ", "-", r"\d", r"\w", r"\s", "."]))
        return "[" + neg + "".join(items) + "]"
    if r < 0.85 and depth < 3:
        inner = alt(depth + 1)
        return ("(?:" if R.random() < 0.25 else "(") + inner + ")"
    return R.choice("ab")


def piece(depth):
    a = atom(depth)
    r = R.random()
    # (No repetition of groups: the WebAssembly VM's backtracking then overflows its stack.)
    if r < 0.6 or a.endswith(")"):
        return a
    return a + R.choice(["*", "+", "?", "*?", "+?", "??"])


def seq(depth):
    out = "".join(piece(depth) for _ in range(R.randint(1, 4)))
    if R.random() < 0.15:
        out = "^" + out
    if R.random() < 0.15:
        out = out + "$"
    return out


def alt(depth=0):
    parts = [seq(depth) for _ in range(R.randint(1, 2 if depth else 3))]
    return "|".join(parts)


def subject():
    return "".join(R.choice(ALPHA) for _ in range(R.randint(0, 9)))


PRE = """import re


def show(m):
    if m is None:
        return None
    out = []
    for i in range(4):
        try:
            out.append((m.group(i), m.start(i), m.end(i), m.span(i)))
        except Exception as e:
            out.append(type(e).__name__)
            break
    return out

""" + CASE_PRINTER

print(PRE)
for _ in range(N):
    pat = alt()
    if R.random() < 0.05:
        pat += R.choice(["(", ")", "[", "*", "+a", "a**"])
    subj = subject()
    op = R.random()
    if op < 0.3:
        code = "show(re.match(%r, %r))" % (pat, subj)
    elif op < 0.6:
        code = "show(re.search(%r, %r))" % (pat, subj)
    elif op < 0.72:
        rep = R.choice(["'<\\\\0>'", "'[\\\\1]'", "''", "'#'", "lambda m: m.group(0).upper()", "'\\\\g<1>-'"])
        count = R.choice(["", ", 1", ", 2", ", 0"])
        code = "re.sub(%r, %s, %r%s)" % (pat, rep, subj, count)
    elif op < 0.85:
        code = "re.compile(%r).split(%r%s)" % (pat, subj, R.choice(["", ", 1", ", 2"]))
    else:
        code = "show(re.compile(%r).search(%r%s))" % (pat, subj, R.choice(["", ", 2", ", 1, 5"]))
    print("t(lambda: %s)" % code)
