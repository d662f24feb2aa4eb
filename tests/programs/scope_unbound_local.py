x = 5


def f():
    try:
        print(x)
        x = 1
    except NameError as e:
        print(type(e).__name__)


f()


def g():
    del_me = 1
    del del_me
    try:
        return del_me
    except NameError:
        return "deleted"


print(g())
try:
    undefined_name
except NameError:
    print("NameError at module level")
