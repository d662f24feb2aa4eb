grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
shared = [[0] * 2] * 2
shared[0][0] = 9
print(shared)
stack = []
for ch in "(()())":
    if ch == "(":
        stack.append(ch)
    else:
        stack.pop()
print("balanced", not stack)
q = [1, 2, 3]
print(q.pop(0), q)
