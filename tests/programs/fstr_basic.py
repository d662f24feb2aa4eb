name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2}")
print(f"{name.upper()} {len(name)}")
print(f"{{literal braces}} {n}")
items = [1, 2, 3]
print(f"items: {items} first={items[0]}")
d = {"k": "v"}
print(f"{d['k']}")
