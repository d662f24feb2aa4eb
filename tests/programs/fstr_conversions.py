s = "text"
print(f"{s!r} {s!s}")
print(f"{[1, 'a']!r}")


class P:
    def __repr__(self):
        return "P()"

    def __str__(self):
        return "p-str"


print(f"{P()} {P()!r} {P()!s}")
