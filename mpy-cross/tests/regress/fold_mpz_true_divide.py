# Constant folding of true division with a big-int operand: mpz_as_float works on the host's
# 32-bit mpz digits, so 7 / 1137452498896014919956 folds to 6.154103144345841e-21.
x = 7 / 1137452498896014919956
y = 1137452498896014919956 / 3
z = -(2**70 + 12345) / 2**65
w = 18446744073709551617 / 1e10
v = 2.5 / 1180591620717411303424
