# Benchmark: a pystone-like program. It follows the structure of the classic Dhrystone /
# pystone benchmark (a record type, eight procedures, three functions, global state, a
# one- and a two-dimensional array), written afresh in Python 3 syntax. Deterministic:
# it prints a checksum of the final global state instead of a time.

LOOPS = 6000

IDENT1, IDENT2, IDENT3, IDENT4, IDENT5 = 1, 2, 3, 4, 5


class Record:
    def __init__(self, ptr=None, discr=0, enum=0, num=0, text=""):
        self.ptr = ptr
        self.discr = discr
        self.enum = enum
        self.num = num
        self.text = text

    def copy(self):
        return Record(self.ptr, self.discr, self.enum, self.num, self.text)


int_glob = 0
bool_glob = False
char1_glob = "\0"
char2_glob = "\0"
array1 = [0] * 51
array2 = [[0] * 51 for _ in range(51)]
ptr_glob = None
ptr_glob_next = None


def proc0(loops):
    global int_glob, bool_glob, char1_glob, char2_glob, ptr_glob, ptr_glob_next
    ptr_glob_next = Record()
    ptr_glob = Record(ptr_glob_next, IDENT1, IDENT3, 40, "DHRYSTONE PROGRAM, SOME STRING")
    str1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array2[8][7] = 10
    for _ in range(loops):
        proc5()
        proc4()
        a = 2
        b = 3
        str2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT2
        bool_glob = not func2(str1, str2)
        while a < b:
            c = 5 * a - b
            c = proc7(a, b)
            a += 1
        proc8(array1, array2, a, c)
        ptr_glob = proc1(ptr_glob)
        ch = "A"
        while ch <= char2_glob:
            if enum_loc == func1(ch, "C"):
                enum_loc = proc6(IDENT1)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        b = 7 * (c - b) - a
        a = proc2(a)
    return a, b, c, enum_loc


def proc1(rec):
    nxt = ptr_glob.copy()
    rec.ptr = nxt
    rec.num = 5
    nxt.num = rec.num
    nxt.ptr = rec.ptr
    nxt.ptr = proc3(nxt.ptr)
    if nxt.discr == IDENT1:
        nxt.num = 6
        nxt.enum = proc6(rec.enum)
        nxt.ptr = ptr_glob.ptr
        nxt.num = proc7(nxt.num, 10)
    else:
        rec = nxt.copy()
    nxt.ptr = None
    return rec


def proc2(value):
    loc = value + 10
    enum_loc = 0
    while True:
        if char1_glob == "A":
            loc -= 1
            value = loc - int_glob
            enum_loc = IDENT1
        if enum_loc == IDENT1:
            break
    return value


def proc3(out):
    global int_glob
    if ptr_glob is not None:
        out = ptr_glob.ptr
    else:
        int_glob = 100
    ptr_glob.num = proc7(10, int_glob)
    return out


def proc4():
    global char2_glob
    flag = char1_glob == "A"
    flag = flag or bool_glob
    char2_glob = "B"
    return flag


def proc5():
    global char1_glob, bool_glob
    char1_glob = "A"
    bool_glob = False


def proc6(enum_in):
    enum_out = enum_in
    if not func3(enum_in):
        enum_out = IDENT4
    if enum_in == IDENT1:
        enum_out = IDENT1
    elif enum_in == IDENT2:
        enum_out = IDENT1 if int_glob > 100 else IDENT4
    elif enum_in == IDENT3:
        enum_out = IDENT2
    elif enum_in == IDENT4:
        pass
    elif enum_in == IDENT5:
        enum_out = IDENT3
    return enum_out


def proc7(x, y):
    return x + 2 + y


def proc8(arr1, arr2, i1, i2):
    global int_glob
    loc = i1 + 5
    arr1[loc] = i2
    arr1[loc + 1] = arr1[loc]
    arr1[loc + 30] = loc
    for idx in range(loc, loc + 2):
        arr2[loc][idx] = loc
    arr2[loc][loc - 1] += 1
    arr2[loc + 20][loc] = arr1[loc]
    int_glob = 5


def func1(c1, c2):
    loc1 = c1
    loc2 = loc1
    if loc2 != c2:
        return IDENT1
    return IDENT2


def func2(s1, s2):
    loc = 1
    ch = "\0"
    while loc <= 1:
        if func1(s1[loc], s2[loc + 1]) == IDENT1:
            ch = "A"
            loc += 1
    if "W" <= ch <= "Z":
        loc = 7
    if ch == "X":
        return True
    if s1 > s2:
        loc += 7
        return True
    return False


def func3(enum_in):
    return enum_in == IDENT3


result = proc0(LOOPS)
checksum = sum(array1) + sum(sum(row) for row in array2)
print("pystone", result, int_glob, bool_glob, char1_glob, char2_glob)
print("pystone state", ptr_glob.discr, ptr_glob.enum, ptr_glob.num, ptr_glob.text, checksum)
