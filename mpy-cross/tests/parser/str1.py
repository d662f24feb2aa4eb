a = "abcdefghij"
b = "abcdefghijk"
abcdefghijklm = 1
c = "abcdefghijklm"
d = "AssertionError"
e = b"bytes"
f = "a" "b" 'c'
g = b"a" b"b"
