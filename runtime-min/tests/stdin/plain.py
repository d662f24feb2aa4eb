# input() and sys.stdin over a pipe (plain.in): lines as they come, no echo; the expected
# output is CPython's for the same input (python3 plain.py < plain.in).
import sys

print(repr(input("name? ")))
print(repr(input(42)))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(3)))
print(repr(sys.stdin.readline(2)), repr(sys.stdin.readline(5)))
lines = []
for line in sys.stdin:
    lines.append(line)
    if line == "b\n":
        break
print(lines)
print(repr(input()))
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
for attempt in range(2):
    try:
        input("> ")
    except EOFError as e:
        print(type(e).__name__)
