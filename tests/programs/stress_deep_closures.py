def f0(a0):
    def f1(a1):
        def f2(a2):
            def f3(a3):
                def f4(a4):
                    def f5(a5):
                        def f6(a6):
                            def f7(a7):
                                def f8(a8):
                                    def f9(a9):
                                        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9
                                    return f9
                                return f8
                            return f7
                        return f6
                    return f5
                return f4
            return f3
        return f2
    return f1


g = f0(1)
for k in range(2, 11):
    g = g(k)
print(g)
print(f0(1)(1)(1)(1)(1)(1)(1)(1)(1)(1))
