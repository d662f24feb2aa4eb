# Template strings (t"...", Python 3.14, MicroPython 1.29's py/objtemplate.c): the Template
# and Interpolation objects, their attributes, repr, iteration, concatenation and
# constructors, and string.templatelib.
from string.templatelib import Template, Interpolation
import string

name = "World"
width = 8
t = t"Hello {name!r:>{width}} and {1 + 2} {name=}"
print(type(t).__name__, type(t.interpolations[0]).__name__)
print(t)
print(repr(t) == str(t), t.strings, t.values)
for i in t.interpolations:
    print(i.value, repr(i.expression), i.conversion, repr(i.format_spec))
print(list(t))
print(list(t"{name}{name}"), t"".strings, t"plain".interpolations)
u = t + t"!{width}"
print(u.strings, u.values)
try:
    t + "str"
except TypeError as e:
    print("TypeError", e)
print(Template("a", "b", Interpolation(1, "one"), "c", Interpolation(2), Interpolation(3)))
print(Template(), Template("only"))
try:
    Template(1)
except TypeError as e:
    print("TypeError", e)
i = Interpolation(5, expression="five", conversion="s", format_spec=">3")
print(i, i.value, i.expression, i.conversion, i.format_spec)
try:
    Interpolation()
except TypeError as e:
    print("TypeError")
print(string.templatelib.Template is Template, isinstance(t, Template))
nested = t"outer {t"inner {name}"}"
print(nested.values[0].values)
raw = rt"C:\path\{name}"
print(raw.strings)
