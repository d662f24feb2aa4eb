# input() and sys.stdin on the firmware's UART, a serial terminal. The test types the keys in
# the comments; the echo is what MicroPython's readline sends back on a board (checked by
# hand against shared/readline/readline.c), the results what its input() returns.
import sys

print(repr(input("name? ")))  # a b <backspace> c \r \n: one line end for \r\n
print(repr(input()))  # x <left> y <delete> z \r
print(repr(input()))  # 12345678 <home> 0 \r: the cursor goes back with ESC [ 8 D
print(repr(input()))  # abc ^A ^E <left> <left> <backspace> ESC O H <right> ESC [ 4 ~ ! ...
print(repr(input("> ")))  # <backspace> <left> <delete> on an empty line, then q \r
for key in ("^D", "^C"):
    try:
        input()
    except BaseException as e:
        print(key, repr(e))
print(repr(input()))  # ^B on an empty line: an empty line
print(repr(input()))  # ab ^D (ignored in a line) \r
# The streams read what comes, \r as \n; text by characters, .buffer by bytes.
print(repr(sys.stdin.read(5)))  # p \r q r s
print(repr(sys.stdin.readline()))  # line \r
print(repr(sys.stdin.buffer.read(3)))  # h é (two bytes) ...
print(repr(sys.stdin.read(3)))  # ... llo
try:
    sys.stdout.read(1)
except OSError as e:
    print(repr(e))
