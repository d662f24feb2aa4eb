class Base:
    def __init__(self, value):
        self.value = value
        print("Base.__init__", value)

    def describe(self):
        return "Base(" + str(self.value) + ")"


class Middle(Base):
    def __init__(self, value):
        super().__init__(value * 2)
        print("Middle.__init__")

    def describe(self):
        return "Middle<" + super().describe() + ">"


class Top(Middle):
    def __init__(self):
        super().__init__(21)
        print("Top.__init__")

    def describe(self):
        return "Top[" + super().describe() + "]"


t = Top()
print(t.value)
print(t.describe())
