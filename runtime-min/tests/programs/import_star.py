# from X import *: a module's __all__, a class or instance in sys.modules, errors
import sys
from star_exports import *

print(area(3, 4), UNIT)
try:
    HIDDEN
except NameError as e:
    print("NameError", e)


class Settings:
    debug = False
    level = 3
    _secret = "s"

    def __init__(self):
        self.level = 7


sys.modules["settings"] = Settings
from settings import *

print(debug, level)
sys.modules["settings"] = Settings()
from settings import *

print(debug, level)


class Limited:
    __all__ = ["b"]
    a = 1
    b = 2


b = None
sys.modules["limited"] = Limited
from limited import *

print(b)
for bad in (5, type("Bad", (), {"__all__": 3}), type("Bad2", (), {"__all__": [1]})):
    sys.modules["bad"] = bad
    try:
        from bad import *
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
