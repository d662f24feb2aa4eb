# BytesIO/StringIO: readinto, the offset/length forms of write, seek limits
import io
import array

stream = io.BytesIO(b"header:payload-data")
head = bytearray(7)
print(stream.readinto(head), head, stream.tell())
stream.seek(1, 1)
chunk = bytearray(b"........")
print(stream.readinto(chunk, 3), chunk)
view = memoryview(chunk)
print(stream.readinto(view[4:]), chunk)
nums = array.array("B", [0, 0, 0])
print(stream.readinto(nums), nums, stream.readinto(nums), nums)
for bad in (b"ro", "text"):
    try:
        stream.readinto(bad)
    except TypeError as e:
        print("TypeError", e)

out = io.BytesIO()
print(out.write(b"abcdef", 2), out.write(b"abcdef", 100), out.write(b"abcdef", 1, 3))
print(out.write(bytearray(b"xyz"), 5, 1), out.write(b"xyz", -1), out.write(b"xyz", 1, -1))
print(out.getvalue())
text = io.StringIO()
print(text.write("hello world", 5), text.write("!", 0, 1), text.getvalue())
try:
    out.write(b"x", "1")
except TypeError as e:
    print("TypeError", e)

data = io.BytesIO(b"0123456789")
for args in ((3,), (-4, 2), (-20, 1), (-20, 2), (2, 1), (50,), (4, 7)):
    print(args, data.seek(*args), data.read(2))
try:
    data.seek(-1)
except OSError as e:
    print("OSError", e.args[0] > 0)
