//! Python 3 to MicroPython `.mpy` v6.3 compiler (after MicroPython 1.29 py/lexer.c, parse.c, compile.c, emitbc.c).
