"""docstring"""
1
"x"
None
...
x
-1
(1,2)
