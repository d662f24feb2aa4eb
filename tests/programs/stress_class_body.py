class Big:
    attr0 = 0
    attr1 = 1
    attr2 = 2
    attr3 = 3
    attr4 = 4
    attr5 = 5
    attr6 = 6
    attr7 = 7
    attr8 = 8
    attr9 = 9
    attr10 = 10
    attr11 = 11
    attr12 = 12
    attr13 = 13
    attr14 = 14
    attr15 = 15
    attr16 = 16
    attr17 = 17
    attr18 = 18
    attr19 = 19
    attr20 = 20
    attr21 = 21
    attr22 = 22
    attr23 = 23
    attr24 = 24
    attr25 = 25
    attr26 = 26
    attr27 = 27
    attr28 = 28
    attr29 = 29
    attr30 = 30
    attr31 = 31
    attr32 = 32
    attr33 = 33
    attr34 = 34
    attr35 = 35
    attr36 = 36
    attr37 = 37
    attr38 = 38
    attr39 = 39
    attr40 = 40
    attr41 = 41
    attr42 = 42
    attr43 = 43
    attr44 = 44
    attr45 = 45
    attr46 = 46
    attr47 = 47
    attr48 = 48
    attr49 = 49
    attr50 = 50
    attr51 = 51
    attr52 = 52
    attr53 = 53
    attr54 = 54
    attr55 = 55
    attr56 = 56
    attr57 = 57
    attr58 = 58
    attr59 = 59
    attr60 = 60
    attr61 = 61
    attr62 = 62
    attr63 = 63
    attr64 = 64
    attr65 = 65
    attr66 = 66
    attr67 = 67
    attr68 = 68
    attr69 = 69
    attr70 = 70
    attr71 = 71
    attr72 = 72
    attr73 = 73
    attr74 = 74
    attr75 = 75
    attr76 = 76
    attr77 = 77
    attr78 = 78
    attr79 = 79

    def m0(self, x=0):
        return x + self.attr0

    def m1(self, x=1):
        return x + self.attr1

    def m2(self, x=2):
        return x + self.attr2

    def m3(self, x=3):
        return x + self.attr3

    def m4(self, x=4):
        return x + self.attr4

    def m5(self, x=5):
        return x + self.attr5

    def m6(self, x=6):
        return x + self.attr6

    def m7(self, x=7):
        return x + self.attr7

    def m8(self, x=8):
        return x + self.attr8

    def m9(self, x=9):
        return x + self.attr9

    def m10(self, x=10):
        return x + self.attr10

    def m11(self, x=11):
        return x + self.attr11

    def m12(self, x=12):
        return x + self.attr12

    def m13(self, x=13):
        return x + self.attr13

    def m14(self, x=14):
        return x + self.attr14

    def m15(self, x=15):
        return x + self.attr15

    def m16(self, x=16):
        return x + self.attr16

    def m17(self, x=17):
        return x + self.attr17

    def m18(self, x=18):
        return x + self.attr18

    def m19(self, x=19):
        return x + self.attr19

    def m20(self, x=20):
        return x + self.attr20

    def m21(self, x=21):
        return x + self.attr21

    def m22(self, x=22):
        return x + self.attr22

    def m23(self, x=23):
        return x + self.attr23

    def m24(self, x=24):
        return x + self.attr24

    def m25(self, x=25):
        return x + self.attr25

    def m26(self, x=26):
        return x + self.attr26

    def m27(self, x=27):
        return x + self.attr27

    def m28(self, x=28):
        return x + self.attr28

    def m29(self, x=29):
        return x + self.attr29

    def m30(self, x=30):
        return x + self.attr30

    def m31(self, x=31):
        return x + self.attr31

    def m32(self, x=32):
        return x + self.attr32

    def m33(self, x=33):
        return x + self.attr33

    def m34(self, x=34):
        return x + self.attr34

    def m35(self, x=35):
        return x + self.attr35

    def m36(self, x=36):
        return x + self.attr36

    def m37(self, x=37):
        return x + self.attr37

    def m38(self, x=38):
        return x + self.attr38

    def m39(self, x=39):
        return x + self.attr39


b = Big()
print(b.m0(), b.m39(), b.m20(1), sum(getattr(b, "m%d" % i)() for i in range(40)))
print(Big.attr79, len([k for k in dir(Big) if k.startswith("attr")]))
