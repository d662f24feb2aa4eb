a = (1, 2, 3,)
b = (x for x in y)
c = [x for x in y]
d = {1: 2}
e = {1, 2}
f = (yield)
