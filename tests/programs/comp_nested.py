matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == len(row) - 1])
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [v for row in matrix for v in row]
print(flat)
print([[v for v in row if v % 2] for row in matrix])
print({i: [j for j in range(i)] for i in range(4)}[3])
