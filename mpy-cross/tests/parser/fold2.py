a = 1 or x
b = 0 or x or 0
c = x and 1 and y
d = not 0
e = not "a"
f = 0 and x
g = () or 1
h = (1,) and 2
