# The re module (extmod/modre.c over re1.5): match/search/sub/split, groups, errors.
import re

def show(r):
    if r is None:
        print(None)
    else:
        print(r, [r.group(i) for i in range(4) if i < int(repr(r)[11:-1])])

for pat, s in [
    ("abc", "abcdef"), ("a.c", "axcz"), ("[a-c]+", "abcabcx"), ("[^a-c]+", "xyzabc"),
    (r"\d+", "123abc"), (r"\w+", "hello world"), (r"\s+", "   x"), (r"\D+", "ab12"),
    (r"\W+", "!!a"), (r"\S+", "ab cd"), ("a*", "aaab"), ("a*?", "aaab"), ("a+?", "aaab"),
    ("ab?", "ab"), ("ab??", "ab"), ("a|b|c", "c"), ("(a)(b)?", "ac"), ("(a|bc)+d", "abcad"),
    ("^ab", "ab"), ("ab$", "ab"), ("ab$", "abc"), ("(?:ab)+", "ababx"), ("[\\d\\s]+", "1 2 3x"),
    ("[a-]+", "a-a"), ("[]", "x"), (r"\.", "."), ("x*", ""), ("((a)(b))", "ab"),
]:
    show(re.match(pat, s))
    show(re.search(pat, "zz" + s))

r = re.compile("(\\w+)@(\\w+)")
m = r.search("mail: joe@host now")
print(m.group(1), m.group(2), m)
print(r.match("joe@host x").group(0))
print(r.match("  joe@host", 2).group(0))
print(r.search("joe@host", 1, 6).group(0))
print(r.search("joe@host", 8))
print(re.match("b", "ab"), re.search("b", "ab").group(0))
print(type(m), type(r))

print(re.sub("a", "b", "banana"))
print(re.sub("a", "b", "banana", 2))
print(re.sub("(a)(n)", "\\2\\1", "banana"))
print(re.sub("(a)(n)", r"\g<2>-\g<1>", "banana"))
print(re.sub("x", "y", "banana"))
print(re.sub("a", lambda m: m.group(0).upper(), "banana"))
print(re.sub("[aeiou]", "", "education"))
print(re.sub("a", r"\\", "banana"))
print(re.sub("a", r"\q", "banana"))
print(re.sub(b"a", b"o", b"banana"))
print(r.sub("<\\2 \\1>", "x joe@host y ann@b"))
print(re.compile(",").split("a,b,,c"))
print(re.compile(",").split("a,b,,c", 2))
print(re.compile(r"\s+").split(" a  b c "))
print(re.compile("x*").split("abc"))
print(re.compile(b",").split(b"1,2"))

print(re.match(b"[0-9]+", b"42x").group(0))
print(re.match("é+", "ééa").group(0), re.match(".+", "héllo").group(0))

for bad in ["*a", "a**", "(ab", "ab)", "a)", "[ab", "\\", "a|*", "?", "+", "(?:a"]:
    try:
        re.compile(bad)
        print(bad, "ok")
    except Exception as e:
        print(bad, type(e).__name__, e)

for f in [lambda: m.group(5), lambda: m.group(-1), lambda: m.group(3), lambda: m.group('x'),
          lambda: re.sub("(a)", r"\2", "a"), lambda: re.compile("(a),").split("a,b"),
          lambda: re.match(1, "a"), lambda: re.match("a", 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

m = re.match("(a)|(b)", "b")
print(m, m.group(1), m.group(2))
print(re.match("a{2}", "a{2}").group(0))
print(repr(re.search("$", "abc").group(0)), re.search("^", "abc"))
for n in (10, 30, 63, 64):
    try:
        print(n, re.match("(" * n + "a" + ")" * n, "a").group(n))
    except Exception as e:
        print(n, type(e).__name__, e)
print(len(re.match("a*", "a" * 500).group(0)), len(re.sub("b+", "", "ab" * 300)))
print("split" in dir(re.compile("a")))
