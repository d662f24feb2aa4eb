class Node:
    created = 0

    def __init__(self, value, children=None):
        Node.created += 1
        self.value = value
        self.children = children or []

    def total(self):
        return self.value + sum(c.total() for c in self.children)

    def depth(self):
        if not self.children:
            return 1
        return 1 + max(c.depth() for c in self.children)


tree = Node(1, [Node(2, [Node(4), Node(5)]), Node(3, [Node(6, [Node(7)])])])
print(tree.total(), tree.depth(), Node.created)
