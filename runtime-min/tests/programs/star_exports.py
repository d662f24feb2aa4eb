# A module with __all__ (imported with * by import_star.py)
__all__ = ["area", "UNIT"]
UNIT = "cm"
HIDDEN = "not exported"


def area(w, h):
    return w * h


def _private():
    return 0
