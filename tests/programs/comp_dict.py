squares = {n: n * n for n in range(6)}
print(sorted(squares.items()))
print(squares[4], len(squares))
inverted = {v: k for k, v in squares.items()}
print(inverted[16], inverted[25])
lengths = {w: len(w) for w in ["a", "bb", "ccc"] if len(w) > 1}
print(sorted(lengths.items()))
