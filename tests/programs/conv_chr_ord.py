print([ord(c) for c in "AZaz09"])
print("".join(chr(c) for c in range(65, 75)))
print(chr(0x263A), ord("\u263a"), hex(ord("é")))


def caesar(s, k):
    out = ""
    for c in s:
        if "a" <= c <= "z":
            out += chr((ord(c) - 97 + k) % 26 + 97)
        else:
            out += c
    return out


print(caesar("hello, world", 3), caesar(caesar("abc xyz", 5), 21))
