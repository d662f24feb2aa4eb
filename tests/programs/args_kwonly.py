def connect(host, *, port=80, secure=False):
    return "%s:%d%s" % (host, port, " (tls)" if secure else "")


print(connect("a"), connect("b", port=8080), connect("c", secure=True, port=443))
try:
    connect("d", 99)
except TypeError:
    print("positional port rejected")


def required_kw(*, key):
    return key


print(required_kw(key="k"))
try:
    required_kw()
except TypeError:
    print("missing kw rejected")
