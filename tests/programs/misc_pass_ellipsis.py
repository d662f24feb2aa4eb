def todo():
    pass


class Empty:
    pass


def dots():
    ...


print(todo(), dots(), Empty.__name__)
print(..., repr(...))
x = ...
print(x is Ellipsis)
