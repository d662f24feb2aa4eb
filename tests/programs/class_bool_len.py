class Box:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Box([])), bool(Box([1])))
print(bool(Flag(True)), bool(Flag(False)))
if not Box([]):
    print("empty box is falsy")
print("yes" if Flag(True) else "no", "yes" if Flag(False) else "no")
print(bool(object()))
