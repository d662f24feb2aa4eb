class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i


s = Squares(5)
print(len(s))
print(s[0], s[3], s[-1])
print(list(s))
print(9 in s, 10 in s)
try:
    s[7]
except IndexError as e:
    print("IndexError:", e)
total = 0
for v in s:
    total += v
print(total)
