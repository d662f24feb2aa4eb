e = ""
a = "a"
long1 = "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"
esc = "tab\there\nnew \\ back \x7f \u00ff \U0001F600 end"
quotes = 'single "double" inside'
byts = b"\x00\x01\xfe\xff plain"
empty_b = b""
print(repr(e), repr(a), len(long1), long1[:12], long1[-5:])
print(repr(esc), len(esc))
print(quotes, repr(byts), len(byts), repr(empty_b))
same1 = "interned_name"
same2 = "interned_name"
print(same1 == same2, "a" "b" "c" == "abc")
print(len("""multi
line
string"""), "x\
y")
