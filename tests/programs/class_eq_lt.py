class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return self.major == other.major and self.minor == other.minor

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __gt__(self, other):
        return other < self

    def __le__(self, other):
        return self == other or self < other

    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)


a = Version(1, 2)
b = Version(1, 10)
c = Version(1, 2)
print(a == c, a == b, a != b)
print(a < b, b < a, a <= c, b <= a)
print(sorted([Version(2, 0), b, a, Version(0, 9)]))
print(max([a, b, Version(1, 3)]))
