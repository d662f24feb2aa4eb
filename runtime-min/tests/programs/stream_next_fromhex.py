# StringIO/BytesIO as iterators (next), bytearray.fromhex, frozenset.isdisjoint / symmetric_difference
import io
s = io.StringIO("one\ntwo\nthree")
print(next(s), s.__next__(), list(s), next(s, "end"))
b = io.BytesIO(b"x\ny")
for line in b:
    print(line)
try:
    next(b)
except StopIteration:
    print("StopIteration")
print(bytearray.fromhex("00 ff"), bytes.fromhex("ab"), type(bytearray.fromhex("")))
f = frozenset([1, 2, 3])
print(f.isdisjoint([4]), f.isdisjoint({3}), sorted(f.symmetric_difference([3, 4])), type(f.symmetric_difference(set())).__name__)
