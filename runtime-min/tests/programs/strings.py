s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), s.replace("l", "L"), s.find("o"), s.rfind("o"), s.count("l"))
print(s.startswith("Hell"), s.endswith("x"), s[0], s[-1], s[2:5], len(s), "W" in s, "z" not in s)
print("  pad  ".strip(), "xxhixx".strip("x"), " a b  c ".split(), "a,b,,c".split(","), "a b c".split(None, 1))
print("-".join(["a", "b", "c"]), "".join([]), "abc".center(9), "abc".center(2) + "|")
print("x=%d y=%s z=%r" % (1, "two", "three"), "%5.2f|%-4d|%x" % (3.14159, 7, 255))
print("12".isdigit(), "ab".isalpha(), "  ".isspace(), "AB".isupper(), "ab".islower())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "a\nb\r\nc".splitlines())
print("abc" * 3, 3 * "ab", "abc" < "abd", "b" > "abc", "café", len("café"), "café"[3])
print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), str(b"bytes"), b"ab" + b"cd", b"abc"[1])
print("{} {} {}".format(1, 2.5, "x"), "{0}{1}{0}".format("a", "b"), "{name}!".format(name="bob"))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("r", "l", "c", "s"), "{:08.3f}".format(-3.14159), "{:,}".format(1234567))
print("{:x} {:X} {:o} {:b} {:#x}".format(255, 255, 8, 5, 255), "{:e}".format(12345.678), "{:g}".format(0.0001))
name = "world"
n = 7
print(f"hi {name}! {n * 2} {n:03d} {n!r} {name!r} {3.5:.1f} {'nested'}")
print("abc".encode(), b"xyz".decode(), bytes([65, 66]), bytes(3), list(b"hi"), bytearray(b"ab"))
print("%s and %s" % ("a", "b"), "%%", "%c" % 65, "%5s|" % "ab", "%-5s|" % "ab")
print(str(1.5), str([1, "a"]), repr((1,)), str(()), repr({}), str({1: "a"}))
for ch in "abc":
    print(ch, end="")
print()
print("x".join("123"), "a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "  x ".lstrip(), " x  ".rstrip() + "|")
