a = "\x41\101\u00e9\U0001F600\n\t\a\q"
b = b"\xff\u1234\777"
c = r"\n\"" 
d = "line\
cont"
