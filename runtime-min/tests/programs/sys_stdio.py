# sys.stdout / sys.stderr: write, flush, print(file=...).
import sys

n = sys.stdout.write("written\n")
print(n, sys.stdout.write(b"bytes too\n"), sys.stdout, sys.stdin, type(sys.stderr).__name__)
sys.stdout.flush()
print("to stdout", 1, sep="|", file=sys.stdout)
print("to stderr", file=sys.stderr)
try:
    print("default", file=None)
except OSError:
    print("OSError None")
for bad in (lambda: print("x", file=42), lambda: sys.stdout.write(5)):
    try:
        bad()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
