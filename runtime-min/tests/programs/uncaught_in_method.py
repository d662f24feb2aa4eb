class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.item(t) for t in self.text.split()]
    def item(self, t):
        return int(t)
p = Parser("1 2 x3")
print(p.parse())
