inventory = {"apples": 3, "pears": 0, "plums": 7}
for key in sorted(inventory):
    print(key, inventory[key])
print(sum(inventory.values()), sorted(k for k, v in inventory.items() if v))
copy = dict(inventory)
copy["pears"] = 5
print(inventory["pears"], copy["pears"])
print(dict([("x", 1), ("y", 2)])["y"], dict(a=1, b=2)["b"])
print(dict.fromkeys("ab", 0)["a"])
print({1: "a"} == {1: "a"}, {1: "a"} != {1: "b"})
