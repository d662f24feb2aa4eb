# sys.stdout.buffer / sys.stderr.buffer: FileIO streams taking bytes
import sys
out = sys.stdout.buffer
print(out.write(b"raw bytes\n"), type(out).__name__, out is sys.stdout.buffer)
print(sys.stdout.buffer, sys.stderr.buffer, sys.stdin.buffer)
print("to buffer", 1, 2.5, file=out)
print(sys.stdout.write(b"bytes via text\n"), sys.stdout.write("text\n"))
out.flush()
try:
    out.write(5)
except TypeError as e:
    print("TypeError", e)
