width = 10
prec = 3
value = 2.718281828
print(f"{value:{width}.{prec}f}|")
print(f"{'ab':>{width}}|")
for w in (4, 6):
    print(f"[{w:{w}}]")
print(f"{f'{1 + 1}'}")
