# __import__ of built-in modules; a missing module is an ImportError.
m = __import__("math")
print(m.sqrt(16), __import__("sys").__name__, __import__("collections").OrderedDict)
try:
    __import__("nosuchmod")
except ImportError as e:
    print("ImportError", e)
