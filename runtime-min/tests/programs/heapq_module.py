# heapq: push/pop/heapify order, tuples, errors, a comparison that empties the list
import heapq
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(len(h))])
data = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
heapq.heapify(data)
print(data, heapq.heappop(data), data)
for bad in ((), None):
    try:
        heapq.heappush(bad, 1)
    except TypeError as e:
        print("TypeError", e)
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)
try:
    heapq.heapify([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
class Weird:
    def __init__(self, v, l): self.v, self.l = v, l
    def __lt__(self, o):
        self.l.clear()
        return True
h = [1]
w = Weird(0, h)
try:
    heapq.heappush(h, w)
except TypeError as e:
    print(e)
print(len(h))
h2 = []
for i in range(20):
    heapq.heappush(h2, (i * 7) % 11)
print(h2)
import array


class Packed(array.array):
    pass


# array subclasses compare with arrays by content; an __eq__ on the other side is asked
class AlwaysEqual:
    def __eq__(self, other):
        return True


p = Packed("b", [1, 2])
a = array.array("b", [1, 2])
print(p == a, a == p, p != a, p + a, a == AlwaysEqual(), AlwaysEqual() == a, a != AlwaysEqual())
