x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
x <<= 2
x >>= 1
x |= 1
x &= 0xFF
x ^= 0x0F
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
f = 7.0
f /= 2
print(f)
