# collections.deque (fixed maxlen, as in MicroPython): a BFS queue, a sliding window,
# the overflow-checking flag and the unsupported operations.
from collections import deque

graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}


def bfs(start):
    seen = {start: 0}
    q = deque((start,), 16)
    order = []
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                q.append(nxt)
    return order, seen


order, dist = bfs("a")
print(order, sorted(dist.items()))
win = deque((), 3)
for i in range(7):
    win.append(i)
    print(len(win), list(win), sum(win))
win.appendleft(-1)
print(list(win), win[0], win[-1], win.pop(), win.popleft(), list(win), bool(win))
win[0] = 42
win.extend(range(10, 15))
print(list(win), type(win).__name__, isinstance(win, deque))
d = deque([1, 2, 3, 4, 5], 2)
print(list(d), len(deque((), 0)), list(deque("abc", 5)))
z = deque((), 0)
z.append(1)
print(len(z))
strict = deque((), 2, True)
strict.append(1)
strict.appendleft(0)
for op in (lambda: strict.append(2), lambda: strict.appendleft(2)):
    try:
        op()
    except IndexError as e:
        print("IndexError", e)
print(list(strict), strict.pop(), strict.pop())
for op in (strict.pop, strict.popleft, lambda: deque(()), lambda: deque((), -1),
           lambda: strict[0:1], lambda: d.__delitem__(0) if False else d.pop()):
    try:
        print(op())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    del d[0]
except TypeError:
    print("TypeError del")
