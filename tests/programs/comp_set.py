s = {x % 5 for x in range(100)}
print(sorted(s), len(s))
vowels = {c for c in "programming language" if c in "aeiou"}
print(sorted(vowels))
print({n for n in range(10)} - {n for n in range(0, 10, 2)} == {1, 3, 5, 7, 9})
