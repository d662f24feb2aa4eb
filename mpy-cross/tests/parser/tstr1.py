x = t"a{b}c"
