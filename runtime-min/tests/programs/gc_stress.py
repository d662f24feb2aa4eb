class Obj:
    def __init__(self, i):
        self.i = i
        self.data = [i] * 10
def make(n):
    return [Obj(i) for i in range(n)]
total = 0
for round in range(50):
    objs = make(40)
    total += sum(o.i for o in objs)
    d = {str(i): o for i, o in enumerate(objs)}
    total += len(d)
print(total)
s = ""
for i in range(300):
    s = s + str(i % 10)
print(len(s), s[:20])
def gen():
    for i in range(1000):
        yield [i] * 5
print(sum(len(x) for x in gen()))
cyc = []
for i in range(100):
    a = {"self": None}
    a["self"] = a
    cyc.append(len(a))
print(sum(cyc))
