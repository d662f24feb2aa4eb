"""Text the generators share: helpers their generated programs define."""

# `t(lambda: expr)` prints the value of one case, or its exception's type and message (a
# float as its repr, so the digits are compared).
CASE_PRINTER = '''def t(f):
    try:
        r = f()
        print(repr(r) if isinstance(r, float) else r)
    except Exception as e:
        print(type(e).__name__, e)
'''
