import helper_mod
from helper_mod import greet, VALUE
print(greet("x"), VALUE, helper_mod.VALUE)
import helper_mod as hm
print(hm is helper_mod, hm.__name__)
