#!/usr/bin/env python3
"""Writes the inline-assembler corpus (tests/inline_asm/{thumb,xtensa,rv32}/*.py).

Run from anywhere: `python3 tests/inline_asm/gen.py`. The generated files are committed;
tests/tests/inline_asm.rs compiles each on every arch with the oracle and with us.
Files named ok_* use many mnemonics (the test checks that every accepted mnemonic appears in
a file the oracle accepts on that arch); files named err_* hold exactly one error (compile
stops at the first), after py/emitinline{thumb,xtensa,rv32}.c and compile_scope_inline_asm
in py/compile.c.
"""

import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

CC = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"]


def fn(deco, name, params, body, ret=None):
    head = f"@micropython.{deco}\ndef {name}({', '.join(params)})"
    if ret is not None:
        head += f" -> {ret}"
    lines = [head + ":"] + ["    " + b for b in body]
    return "\n".join(lines) + "\n"


def thumb(name, params, body, ret=None):
    return fn("asm_thumb", name, params, body, ret)


def xtensa(name, params, body, ret=None):
    return fn("asm_xtensa", name, params, body, ret)


def rv32(name, params, body, ret=None):
    return fn("asm_rv32", name, params, body, ret)


# ---------------------------------------------------------------------------------------------
# Thumb
# ---------------------------------------------------------------------------------------------

THUMB = {}

THUMB["ok_thumb1_alu"] = thumb("alu", ["r0", "r1", "r2", "r3"], [
    "mov(r4, r0)", "mov(r8, r1)", "mov(r0, r12)", "mov(sp, r13)", "mov(sl, fp)", "mov(lr, pc)",
    "mov(r0, 0)", "mov(r1, 255)", "cmp(r2, 7)", "add(r3, 200)", "sub(r4, 1)",
    "and_(r0, r1)", "eor(r0, r1)", "lsl(r2, r3)", "lsr(r4, r5)", "asr(r6, r7)",
    "adc(r0, r1)", "sbc(r0, r1)", "ror(r0, r1)", "tst(r0, r1)", "neg(r0, r1)",
    "cmp(r0, r1)", "cmn(r0, r1)", "orr(r0, r1)", "mul(r0, r1)", "bic(r0, r1)", "mvn(r0, r1)",
    "lsl(r0, r1, 0)", "lsl(r0, r1, 31)", "lsr(r2, r3, 1)", "asr(r4, r5, 17)",
    "add(r0, r1, r2)", "add(r0, r1, 7)", "sub(r5, r6, r7)", "sub(r0, r1, 0)",
], ret="uint")

THUMB["ok_thumb1_ldst"] = thumb("ldst", ["r0", "r1"], [
    "ldr(r0, [r1, 0])", "ldr(r2, [r3, 124])", "ldrb(r0, [r1, 31])", "ldrh(r0, [r1, 62])",
    "str(r0, [r1, 4])", "strb(r7, [r6, 1])", "strh(r5, [r4, 2])",
    "ldr(r0, [r1, 0x10])", "ldrb(r0, [r7, 0])", "strh(r0, [r0, 0])",
], ret="int")

THUMB["ok_thumb1_misc"] = (
    thumb("f0", [], ["nop()", "wfi()", "cpsid(i)", "cpsie(i)", "bx(lr)", "bx(r15)"], ret="object")
    + thumb("f1", ["r0"], ["push({r0})", "push({r0, r1, r7})", "push({r4, lr})", "push({lr})",
                          "pop({r0})", "pop({r1, r2, r3})", "pop({r4, pc})", "pop({pc})"], ret="bool")
    + thumb("f2", ["r0", "r1"], ["pass", "data(1, 1, 2, 3)", "align(2)", "data(2, 0x1234, -1)",
                                "align(4)", "data(4, 0x12345678, 2**40 + 5)", "align(8)",
                                "data(8, -2)", "data(3, 0xabcdef)", "align(16)", "nop()"])
    + thumb("f3", ["r0", "r1", "r2"], ["mov(r0, 1)"])
    + "\n\ndef plain():\n    return 1\n"
)

THUMB["ok_thumb1_branches"] = thumb("br", ["r0"], [
    "label(top)",
    "b(top)", "b(end)", "bl(top)", "bl(end)",
] + [f"b{c}(top)" for c in CC] + [f"b{c}_n(end)" for c in CC] + [
    "label(end)",
    "b(top)",
])

THUMB["ok_thumb1_loop"] = thumb("loop", ["r0", "r1"], [
    "mov(r2, 0)",
    "label(loop)",
    "cmp(r1, 0)",
    "beq(done)",
    "ldrb(r3, [r0, 0])",
    "add(r2, r2, r3)",
    "add(r0, 1)",
    "sub(r1, 1)",
    "b(loop)",
    "label(done)",
    "mov(r0, r2)",
])

THUMB["ok_thumb1_branch_edges"] = thumb("edges", [], [
    # b: 11-bit halfword offset, +-2 KiB
    "b(fwd_b)", "data(2, " + ", ".join(["0"] * 1022) + ")", "label(fwd_b)",
    # bcc_n: 8-bit halfword offset, +-256 bytes
    "label(back_cc)", "data(2, " + ", ".join(["0"] * 126) + ")", "bne(back_cc)",
    "beq_n(fwd_cc)", "data(2, " + ", ".join(["0"] * 126) + ")", "label(fwd_cc)",
    # bl with a far label, through align
    "bl(far)", "align(65536)", "label(far)", "bl(far)",
])

THUMB["ok_thumb2"] = thumb("t2", ["r0", "r1", "r2"], [
    "label(top)",
] + [f"b{c}_w(top)" for c in CC] + [
    "clz(r0, r1)", "rbit(r8, r9)", "mrs(r0, IPSR)", "mrs(r12, BASEPRI)",
    "movw(r0, 0)", "movw(r10, 0xffff)", "movt(r1, 0x1234)", "movwt(r2, 0xdeadbeef)", "movwt(r3, -1)",
    "ldrex(r0, [r1, 0])", "ldrex(r9, [r10, 8])", "strex(r0, r1, [r2, 4])", "strex(r11, r12, [sp, 252])",
    "sdiv(r0, r1, r2)", "udiv(r10, r11, r12)",
    "push({r0, r8})", "push({r4, r5, r6, r7, r8, r9, r10, r11, lr})",
    "pop({r8, r9})", "pop({r4, r5, r6, r7, r8, r9, r10, r11, pc})",
    "cmp(r0, 0)",
] + [f"it{x}({c})" for c in ["eq", "ne", "ge", "lt", "cs", "hi", "le", "vc"] for x in [""]] + [
    f"it{x}(eq)" for x in ["t", "e", "tt", "te", "et", "ee", "ttt", "tte", "tet", "tee", "ett", "ete", "eet", "eee"]
] + [f"it{x}(ne)" for x in ["t", "e", "tt", "te", "et", "ee", "ttt", "tte", "tet", "tee", "ett", "ete", "eet", "eee"]] + [
    "b(top)",
])

THUMB["ok_thumb2_far_wide"] = thumb("farw", [], [
    "beq_w(far)", "bne_w(far)",
    "data(2, " + ", ".join(["0"] * 600) + ")",
    "label(far)",
    "bgt_w(far)",
    "align(4096)",
    "blt_w(far)",
])

# b<cc>_w is never range-checked: past +-1 MiB its offset wraps (2 MiB of code needs a bigger
# heap than the reference's default)
THUMB["ok_thumb2_wide_wraps"] = "# oracle: -X heapsize=64M\n" + thumb("wrap", [], [
    "bne_w(far)", "align(2097152)", "label(far)", "nop()",
])

THUMB["ok_vfp"] = thumb("fp", ["r0", "r1"], [
    "vcmp(s0, s1)", "vsqrt(s2, s3)", "vneg(s4, s31)", "vcvt_f32_s32(s30, s5)", "vcvt_s32_f32(s6, s7)",
    "vmrs(APSR_nzcv, FPSCR)", "vmrs(r0, FPSCR)", "vmrs(r9, FPSCR)",
    "vmov(r0, s1)", "vmov(s2, r1)", "vmov(s31, r12)", "vmov(r14, s16)",
    "vldr(s0, [r0, 0])", "vldr(s1, [r1, 1020])", "vstr(s17, [r7, 4])", "vstr(s31, [r0, 8])",
    "vadd(s0, s1, s2)", "vsub(s29, s30, s31)", "vmul(s3, s8, s16)", "vdiv(s9, s10, s11)",
    "vmov(r0, s0)",
], ret="uint")

# -- errors (one per file) --

THUMB_ERR = {
    # count_params
    "params_5": thumb("f", ["r0", "r1", "r2", "r3", "r4"], ["nop()"]),
    "params_order": thumb("f", ["r1"], ["nop()"]),
    "params_order2": thumb("f", ["r0", "r2"], ["nop()"]),
    "params_default": thumb("f", ["r0=1"], ["nop()"]),
    "params_star": thumb("f", ["*r0"], ["nop()"]),
    "params_long": thumb("f", ["r00"], ["nop()"]),
    # registers
    "reg_at_most_r7": thumb("f", [], ["nop()", "add(r8, 1)"]),
    "reg_at_most_r7_ldr_base": thumb("f", [], ["ldr(r0, [r8, 0])"]),
    "reg_at_most_r7_alu": thumb("f", [], ["and_(r0, sp)"]),
    "reg_at_most_r12": thumb("f", [], ["mrs(r13, IPSR)"]),
    "reg_at_most_r7_vldr_base": thumb("f", [], ["vldr(s0, [r8, 0])"]),
    "reg_expects_register": thumb("f", [], ["mov(r0, foo)"]),
    "reg_expects_register_first": thumb("f", [], ["mov(r16, r0)"]),
    "reg_expects_register_r1x": thumb("f", [], ["mov(r1x, r0)"]),
    "reg_expects_register_bx": thumb("f", [], ["bx(1)"]),
    "reg_expects_register_clz": thumb("f", [], ["clz(r0, r99)"]),
    "special_reg": thumb("f", [], ["mrs(r0, PRIMASK)"]),
    "fpu_reg": thumb("f", [], ["vadd(r0, s0, s0)"]),
    "fpu_reg_s": thumb("f", [], ["vsqrt(s, s0)"]),
    "fpu_reg_sx": thumb("f", [], ["vneg(s0, s1x)"]),
    "fpu_reg_at_most": thumb("f", [], ["vmul(s0, s32, s0)"]),
    "fpu_reg_at_most_huge": thumb("f", [], ["vmul(s0, s1, s99999999999999999999999)"]),
    "fpu_vmov_reg": thumb("f", [], ["vmov(r0, r1)"]),
    "fpu_vmov_lr": thumb("f", [], ["vmov(lr, s16)"]),
    "fpu_vmrs_bad": thumb("f", [], ["vmrs(r0, FPEXC)"]),
    "fpu_vmrs_reg": thumb("f", [], ["vmrs(foo, FPSCR)"]),
    "fpu_unknown": thumb("f", [], ["vfoo(s0, s1)"]),
    "fpu_args": thumb("f", [], ["vadd(s0, s1)"]),
    "fpu_args4": thumb("f", [], ["vcmp(s0, s1, s2, s3)"]),
    "fpu_vaddx": thumb("f", [], ["vaddx(s0, s1, s2)"]),
    "reglist_not_set": thumb("f", [], ["push(r0)"]),
    "reglist_dict": thumb("f", [], ["pop({r0: r1})"]),
    "reglist_empty": thumb("f", [], ["push({})"]),
    "reglist_bad_reg": thumb("f", [], ["push({r0, x})"]),
    "reglist_comprehension": thumb("f", [], ["push({r for r in r0})"]),
    "reglist_high_v6": thumb("f", [], ["push({r0, r8})"]),
    "reglist_high_pop_v6": thumb("f", [], ["pop({r8, pc})"]),
    # integers
    "int_expected": thumb("f", [], ["mov(r0, 1.5)"]),
    "int_expected_ldr": thumb("f", [], ["ldr(r0, [r1, r2])"]),
    "int_mask_mov": thumb("f", [], ["mov(r0, 256)"]),
    "int_mask_neg": thumb("f", [], ["cmp(r0, -1)"]),
    "int_mask_big": thumb("f", [], ["add(r0, 2**40 + 1)"]),
    "int_mask_i3": thumb("f", [], ["add(r0, r1, 8)"]),
    "int_mask_i5": thumb("f", [], ["lsl(r0, r1, 32)"]),
    "int_mask_ldr_align": thumb("f", [], ["ldr(r0, [r1, 2])"]),
    "int_mask_ldr_range": thumb("f", [], ["ldr(r0, [r1, 128])"]),
    "int_mask_ldrh": thumb("f", [], ["ldrh(r0, [r1, 1])"]),
    "int_mask_strb": thumb("f", [], ["strb(r0, [r1, 32])"]),
    "int_mask_movw": thumb("f", [], ["movw(r0, 0x10000)"]),
    "int_mask_ldrex": thumb("f", [], ["ldrex(r0, [r1, 256])"]),
    "int_mask_vldr": thumb("f", [], ["vldr(s0, [r1, 1024])"]),
    "int_mask_vstr_align": thumb("f", [], ["vstr(s0, [r1, 2])"]),
    # addresses
    "addr_not_list": thumb("f", [], ["ldr(r0, r1)"]),
    "addr_one": thumb("f", [], ["str(r0, [r1])"]),
    "addr_three": thumb("f", [], ["ldrb(r0, [r1, 0, 0])"]),
    "addr_ldrex": thumb("f", [], ["ldrex(r0, r1)"]),
    "addr_strex": thumb("f", [], ["strex(r0, r1, [r2])"]),
    "addr_vstr": thumb("f", [], ["vstr(s0, (r0, 0))"]),
    # labels
    "label_expected": thumb("f", [], ["b(1)"]),
    "label_expected_bcc": thumb("f", [], ["bne(r0 + 1)"]),
    "label_undefined": thumb("f", [], ["nop()", "b(nowhere)"]),
    "label_undefined_bl": thumb("f", [], ["bl(x)", "label(y)"]),
    "label_undefined_bcc": thumb("f", [], ["label(a)", "bgt_n(b)"]),
    "label_undefined_wide": thumb("f", [], ["ble_w(b)"]),
    # unknown instructions
    "unknown_op": thumb("f", ["r0"], ["foo(r0)"]),
    "unknown_op0": thumb("f", [], ["ret()"]),
    "unknown_op4": thumb("f", [], ["add(r0, r1, r2, r3)"]),
    "unknown_nop_args": thumb("f", [], ["nop(r0)"]),
    "unknown_alu": thumb("f", [], ["xor(r0, r1)"]),
    "unknown_alu_long": thumb("f", [], ["orrs(r0, r1)"]),
    "unknown_ldst": thumb("f", [], ["ldrd(r0, [r1, 0])"]),
    "unknown_ldr_reg": thumb("f", [], ["ldr(r0, r1, 0)"]),
    "unknown_cc": thumb("f", [], ["label(x)", "bxx(x)"]),
    "unknown_cc_len4": thumb("f", [], ["label(x)", "bneq(x)"]),
    "unknown_cc_suffix": thumb("f", [], ["label(x)", "beq_x(x)"]),
    "unknown_wide_v6": thumb("f", [], ["label(x)", "beq_w(x)"]),
    "unknown_it_v6": thumb("f", [], ["it(eq)"]),
    "unknown_it_cc": thumb("f", [], ["it(xx)"]),
    "unknown_it_len": thumb("f", [], ["it(equ)"]),
    "unknown_it_long": thumb("f", [], ["itttt(eq)"]),
    "unknown_it_letter": thumb("f", [], ["itx(eq)"]),
    "unknown_clz_v6": thumb("f", [], ["clz(r0, r1)"]),
    "unknown_movw_v6": thumb("f", [], ["movw(r0, 1)"]),
    "unknown_movwt_v6": thumb("f", [], ["movwt(r0, 1)"]),
    "unknown_sdiv_v6": thumb("f", [], ["sdiv(r0, r1, r2)"]),
    "unknown_strex_v6": thumb("f", [], ["strex(r0, r1, [r2, 0])"]),
    "unknown_ldrex_v6": thumb("f", [], ["ldrex(r0, [r2, 0])"]),
    "unknown_mrs_v6": thumb("f", [], ["mrs(r0, IPSR)"]),
    "unknown_rbit_v6": thumb("f", [], ["rbit(r0, r1)"]),
    "unknown_vfp_v7m": thumb("f", [], ["vadd(s0, s1, s2)"]),
    "unknown_lsl3_reg": thumb("f", [], ["mov(r0, r1, r2)"]),
    "unknown_udiv_2": thumb("f", [], ["udiv(r0, r1)"]),
    # branch ranges
    "range_b_fwd": thumb("f", [], ["b(far)", "data(2, " + ", ".join(["0"] * 1023) + ")", "label(far)"]),
    "range_b_back": thumb("f", [], ["label(far)", "align(4096)", "b(far)"]),
    "range_bcc_fwd": thumb("f", [], ["beq(far)", "data(2, " + ", ".join(["0"] * 127) + ")", "label(far)"]),
    "range_bcc_back": thumb("f", [], ["label(far)", "data(2, " + ", ".join(["0"] * 128) + ")", "bne_n(far)"]),
    # the reference needs a bigger heap than its default to hold 8 MiB of machine code
    "range_bl": "# oracle: -X heapsize=64M\n" + thumb("f", [], ["bl(far)", "align(8388608)", "label(far)"]),
    # the reference aborts on an assert (asm_thumb_mov_reg_i16: reg_dest < r15); we give a located error
    "assert_movw_pc": thumb("f", [], ["movw(pc, 1)"]),
    "assert_movt_r15": thumb("f", [], ["movt(r15, 0x1234)"]),
    "assert_movwt_pc": thumb("f", [], ["movwt(pc, -1)"]),
    # compile_scope_inline_asm
    "not_a_function": "@micropython.asm_thumb\nclass C:\n    pass\n",
    "unknown_type": thumb("f", [], ["nop()"], ret="float"),
    "annotation_not_id": thumb("f", [], ["nop()"], ret="1"),
    "annotation_not_id_then_error": thumb("f", [], ["foo()"], ret="int[1]"),
    "not_instruction_assign": thumb("f", [], ["nop()", "x = 1"]),
    "not_instruction_if": thumb("f", [], ["if r0:", "    nop()"]),
    "not_instruction_attr": thumb("f", [], ["a.b(r0)"]),
    "not_instruction_name": thumb("f", [], ["nop"]),
    "not_instruction_call_call": thumb("f", [], ["nop()()"]),
    "not_instruction_subscr": thumb("f", [], ["nop[0]"]),
    "not_instruction_return": thumb("f", [], ["return"]),
    "not_instruction_augassign": thumb("f", [], ["r0 += 1"]),
    "label_args": thumb("f", [], ["label(a, b)"]),
    "label_int": thumb("f", [], ["label(1)"]),
    "label_none": thumb("f", [], ["label()"]),
    "label_redefined": thumb("f", [], ["label(a)", "nop()", "label(a)"]),
    "align_none": thumb("f", [], ["align()"]),
    "align_name": thumb("f", [], ["align(x)"]),
    "align_two": thumb("f", [], ["align(2, 4)"]),
    "data_one": thumb("f", [], ["data(4)"]),
    "data_size_name": thumb("f", [], ["data(n, 1)"]),
    "data_float": thumb("f", [], ["data(4, 1.0)"]),
    "data_name": thumb("f", [], ["data(2, 1, x)"]),
    "error_second_function": thumb("g", ["r0"], ["nop()"]) + "\n\n" + thumb("f", ["r0"], ["add(r0, 300)"]),
    "error_after_bytecode": "def g():\n    return 1\n\n\n" + thumb("f", [], ["foo()"]),
}
for k, v in THUMB_ERR.items():
    THUMB["err_" + k] = v


# ---------------------------------------------------------------------------------------------
# Xtensa
# ---------------------------------------------------------------------------------------------

XT = {}

XT["ok_table"] = xtensa("table", ["a2", "a3", "a4", "a5"], [
    "abs_(a2, a3)", "add(a2, a3, a4)", "add_n(a5, a6, a7)", "addi(a2, a3, -128)", "addi(a2, a3, 127)",
    "addx2(a2, a3, a4)", "addx4(a2, a3, a4)", "addx8(a2, a3, a4)", "and_(a2, a3, a4)",
    "l16si(a2, a3, 0)", "l16si(a2, a3, 510)", "l16ui(a2, a3, 2)", "l32i(a2, a3, 1020)", "l8ui(a2, a3, 255)",
    "mov(a2, a3)", "mov_n(a4, a15)", "mull(a2, a3, a4)", "neg(a2, a3)", "nop()", "nop_n()",
    "nsa(a2, a3)", "nsau(a4, a5)", "or_(a2, a3, a4)", "s16i(a2, a3, 6)", "s32i(a2, a1, 8)", "s8i(a2, a3, 1)",
    "sll(a2, a3)", "sra(a2, a3)", "src(a2, a3, a4)", "srl(a2, a3)", "ssa8b(a2)", "ssa8l(a3)", "ssl(a4)", "ssr(a5)",
    "sub(a2, a3, a4)", "subx2(a2, a3, a4)", "subx4(a2, a3, a4)", "subx8(a2, a3, a4)", "xor(a2, a3, a4)",
    "callx0(a8)", "jx(a0)", "ret()", "ret_n()",
], ret="uint")

XT["ok_special"] = xtensa("special", ["a2", "a3"], [
    "label(top)",
    "ssai(0)", "ssai(31)", "ssai(17)",
    "movi(a2, 0)", "movi(a3, 2047)", "movi(a4, -2048)", "movi(a5, 2048)", "movi(a6, 0x12345678)", "movi(a7, -1)",
    "movi_n(a2, -32)", "movi_n(a3, 95)", "movi_n(a4, 0)",
    "addi_n(a2, a3, -1)", "addi_n(a2, a3, 0)", "addi_n(a2, a3, 1)", "addi_n(a2, a3, 15)",
    "addmi(a2, a3, -32768)", "addmi(a2, a3, 32512)", "addmi(a2, a3, 256)",
    "slli(a2, a3, 1)", "slli(a2, a3, 31)", "slli(a2, a3, 16)",
    "srai(a2, a3, 0)", "srai(a2, a3, 31)", "srai(a2, a3, 16)",
    "srli(a2, a3, 0)", "srli(a2, a3, 15)",
    "l32i_n(a2, a3, 0)", "l32i_n(a2, a3, 60)", "s32i_n(a2, a3, 4)", "s32i_n(a2, a3, 60)",
    "j(top)", "j(end)",
    "label(end)",
])

BCCZ = ["beqz", "bnez", "bltz", "bgez", "beqz_n", "bnez_n"]
BCC = ["bnone", "beq", "blt", "bltu", "ball", "bbc", "bany", "bne", "bge", "bgeu", "bnall", "bbs"]
XT["ok_branches_back"] = xtensa("br", ["a2", "a3", "a4"], [
    "label(top)",
] + [f"{b}(a2, top)" for b in BCCZ] + [f"{b}(a2, a3, top)" for b in BCC] + [
    "bbci(a2, 0, top)", "bbsi(a3, 16, top)", "j(top)",
])

# Forward branches, each to the label right after it. In the size passes an undefined label
# resolves to label 0 (the lookup table is zeroed), so after a label(top) two forward branches
# to one label are measured short and emitted long: the reference then aborts on an assert
# (err_assert_two_forward).
XT["ok_branches_fwd"] = xtensa("fwd", ["a2", "a3", "a4"], sum(
    ([f"{b}(a2, z{i})", f"label(z{i})"] for i, b in enumerate(BCCZ)), []) + sum(
    ([f"{b}(a3, a4, c{i})", f"label(c{i})"] for i, b in enumerate(BCC)), []) + [
    "bbci(a2, 31, e1)", "label(e1)", "bbsi(a3, 5, e2)", "nop()", "label(e2)", "j(e3)", "label(e3)",
])

XT["ok_far_branches"] = xtensa("far", ["a2"], [
    "label(top)",
    "data(1, " + ", ".join(["0"] * 300) + ")",
    "beqz(a2, top)", "bnez(a2, top)", "beq(a2, a3, top)", "bge(a2, a3, top)",
    "beqz(a2, fwd)", "bne(a2, a3, fwd)",
    "align(4096)",
    "beqz(a2, top)",
    "bltu(a2, a3, top)",
    "label(fwd)",
])

# call0 needs a word-aligned target at a distance that is a multiple of 4 from its own offset
# plus 3, and l32r a word-aligned literal behind it at a multiple of 4: both prologues (13
# bytes plain, 5 windowed) are 1 mod 4, so this layout fits both.
# j is never range-checked: past +-128 KiB its offset wraps
XT["ok_j_far"] = xtensa("jfar", [], ["j(far)", "align(262144)", "label(far)", "nop()"])

XT["ok_call_l32r"] = xtensa("calls", ["a2"], [
    "j(code)",
    "align(4)",
    "label(const)",
    "data(4, 0x12345678)",
    "label(sub)",
    "data(4, 0)",
    "label(code)",
    "l32r(a2, const)",
    "data(1, 0, 0)",
    "call0(sub)",
    "ret_n()",
])

XT["ok_data"] = xtensa("d", [], ["data(1, 1, 2, 3)", "align(4)", "data(2, 0x1234, -1)", "data(4, 2**33 + 7)",
                                 "align(8)", "data(8, -2)", "pass", "nop()"], ret="object") + \
    xtensa("e", ["a2"], ["mov(a2, a3)"], ret="bool") + xtensa("g", ["a2", "a3", "a4"], ["add(a2, a3, a4)"], ret="int")

XT["ok_movi_literals"] = xtensa("lits", ["a2"], [
    "movi(a2, 100000)", "movi(a3, 100000)", "movi(a4, 2**31)", "movi(a5, -100000)",
    "movi(a6, 2048)", "movi(a7, 0x7fffffff)",
])

XT_ERR = {
    "params_5": xtensa("f", ["a2", "a3", "a4", "a5", "a6"], ["nop()"]),
    "params_order": xtensa("f", ["a3"], ["nop()"]),
    "params_r0": xtensa("f", ["r0"], ["nop()"]),
    "params_default": xtensa("f", ["a2=0"], ["nop()"]),
    "reg_expects_register": xtensa("f", [], ["mov(a2, b2)"]),
    "reg_expects_register_a16": xtensa("f", [], ["add(a16, a2, a3)"]),
    "reg_expects_register_int": xtensa("f", [], ["jx(0)"]),
    "reg_expects_register_branch": xtensa("f", [], ["label(x)", "beqz(x, x)"]),
    "int_expected": xtensa("f", [], ["addi(a2, a3, a4)"]),
    "int_expected_movi": xtensa("f", [], ["movi(a2, 1.0)"]),
    "int_range_addi": xtensa("f", [], ["addi(a2, a3, 128)"]),
    "int_range_addi_neg": xtensa("f", [], ["addi(a2, a3, -129)"]),
    "int_range_l32i": xtensa("f", [], ["l32i(a2, a3, 1024)"]),
    "int_range_l16ui": xtensa("f", [], ["l16ui(a2, a3, -2)"]),
    "int_range_l8ui": xtensa("f", [], ["l8ui(a2, a3, 256)"]),
    "int_range_ssai": xtensa("f", [], ["ssai(32)"]),
    "int_range_movi_n": xtensa("f", [], ["movi_n(a2, 96)"]),
    "int_range_movi_n_neg": xtensa("f", [], ["movi_n(a2, -33)"]),
    "int_range_addi_n": xtensa("f", [], ["addi_n(a2, a3, 16)"]),
    "int_range_addi_n_neg": xtensa("f", [], ["addi_n(a2, a3, -2)"]),
    "int_range_addmi": xtensa("f", [], ["addmi(a2, a3, 32768)"]),
    "int_range_slli": xtensa("f", [], ["slli(a2, a3, 0)"]),
    "int_range_srai": xtensa("f", [], ["srai(a2, a3, 32)"]),
    "int_range_srli": xtensa("f", [], ["srli(a2, a3, 16)"]),
    "int_range_bbci": xtensa("f", [], ["label(x)", "bbci(a2, 32, x)"]),
    "int_range_l32i_n": xtensa("f", [], ["l32i_n(a2, a3, 64)"]),
    "int_range_big": xtensa("f", [], ["addi(a2, a3, 2**32)"]),
    "multiple_addmi": xtensa("f", [], ["addmi(a2, a3, 100)"]),
    "multiple_l32i_n": xtensa("f", [], ["l32i_n(a2, a3, 6)"]),
    "multiple_s32i_n": xtensa("f", [], ["s32i_n(a2, a3, 2)"]),
    "label_expected": xtensa("f", [], ["j(1)"]),
    "label_expected_call0": xtensa("f", [], ["call0(a2 + 1)"]),
    "label_undefined": xtensa("f", [], ["j(nowhere)"]),
    "label_undefined_bcc": xtensa("f", [], ["beq(a2, a3, nowhere)"]),
    "label_undefined_l32r": xtensa("f", [], ["l32r(a2, nowhere)"]),
    "unknown_op": xtensa("f", [], ["foo(a2)"]),
    "unknown_table_count": xtensa("f", [], ["add(a2, a3)"]),
    "unknown_table_count0": xtensa("f", [], ["nop(a2)"]),
    "unknown_uncommon": xtensa("f", [], ["memw()"]),
    "unknown_uncommon_rsr": xtensa("f", [], ["rsr(a2, 3)"]),
    "unknown_uncommon_fsync": xtensa("f", [], ["fsync(1)"]),
    "unknown_four": xtensa("f", [], ["add(a2, a3, a4, a5)"]),
    "unknown_two": xtensa("f", [], ["foo(a2, a3)"]),
    "unknown_two_badreg": xtensa("f", [], ["foo(x, a3)"]),
    "unknown_three": xtensa("f", [], ["foo(a2, a3, a4)"]),
    "range_bccz": xtensa("f", ["a2"], ["beqz(a2, far)", "align(262144)", "label(far)"]),
    "range_bcc": xtensa("f", ["a2"], ["bne(a2, a3, far)", "align(262144)", "label(far)"]),
    "range_bit_branch": xtensa("f", ["a2"], ["bbsi(a2, 1, far)", "data(1, " + ", ".join(["0"] * 130) + ")", "label(far)"]),
    "range_call0": xtensa("f", [], ["call0(far)", "align(262144)", "label(far)"]),
    "align_call0_target": xtensa("f", [], ["j(x)", "data(1, 0)", "label(sub)", "label(x)", "call0(sub)"]),
    "align_call0_location": xtensa("f", [], ["data(1, 0)", "align(4)", "label(sub)", "nop()", "call0(sub)"]),
    # both prologues end 1 mod 4: three bytes put the l32r on a word, its target 4 bytes on
    "range_l32r_fwd": xtensa("f", [], ["data(1, 0, 0, 0)", "l32r(a2, c)", "align(4)", "label(c)", "data(4, 0)"]),
    "align_l32r_fwd": xtensa("f", [], ["l32r(a2, c)", "align(4)", "label(c)", "data(4, 0)"]),
    "align_l32r_target": xtensa("f", [], ["label(c)", "data(1, 0)", "label(d)", "data(4, 0)", "l32r(a2, d)"]),
    "align_l32r_location": xtensa("f", [], ["align(4)", "label(c)", "data(4, 0)", "data(1, 0)", "l32r(a2, c)"]),
    "not_instruction": xtensa("f", [], ["a2 = 1"]),
    "label_redefined": xtensa("f", [], ["label(a)", "label(a)"]),
    "label_args": xtensa("f", [], ["label()"]),
    "align_args": xtensa("f", [], ["align(y)"]),
    "data_args": xtensa("f", [], ["data(1)"]),
    "data_int": xtensa("f", [], ["data(1, b'x')"]),
    "unknown_type": xtensa("f", [], ["nop()"], ret="str"),
    # the reference aborts on an assert (emit pass larger than measured); we give a located error
    "assert_two_forward": xtensa("f", ["a2"], ["label(top)", "beqz(a2, end)", "bnez(a2, end)", "label(end)"]),
}
for k, v in XT_ERR.items():
    XT["err_" + k] = v


# ---------------------------------------------------------------------------------------------
# RV32 (py/emitinlinerv32.c)
# ---------------------------------------------------------------------------------------------

RV = {}
# First-line directives read by tests/tests/inline_asm.rs: `# flags:` go to both compilers on
# rv32imc; `# oracle:` only to the reference.
ZCMP_FLAGS = "# flags: -march-flags=zba,zcmp\n"

RV["ok_base"] = rv32("base", ["a0", "a1", "a2", "a3"], [
    "add(a0, a1, a2)", "addi(a0, a1, -2048)", "addi(a0, a1, 2047)", "and_(t0, t1, t2)", "andi(s0, s1, 0x7ff)",
    "auipc(a0, 0)", "auipc(a0, 0xfffff)", "auipc(a1, -1)", "auipc(a1, 2**40 + 3)",
    "addi(a0, a1, 2**32 + 5)", "andi(a0, a1, -2**33)",
    "div(a0, a1, a2)", "divu(a0, a1, a2)", "mul(a0, a1, a2)", "mulh(a0, a1, a2)", "mulhsu(a0, a1, a2)",
    "mulhu(a0, a1, a2)", "or_(a0, a1, a2)", "ori(a0, a1, -1)", "rem(a0, a1, a2)", "remu(a0, a1, a2)",
    "sll(a0, a1, a2)", "slli(a0, a1, 31)", "slt(a0, a1, a2)", "slti(a0, a1, 5)", "sltiu(a0, a1, 5)",
    "sltu(a0, a1, a2)", "sra(a0, a1, a2)", "srai(a0, a1, 0)", "srl(a0, a1, a2)", "srli(a0, a1, 7)",
    "sub(a0, a1, a2)", "xor(a0, a1, a2)", "xori(a0, a1, 0x123)",
    "lui(a0, 0)", "lui(a0, 0xfffff)", "lui(a0, 0x80000)",
    "mv(a0, a1)", "mv(x31, zero)",
    "csrrc(a0, a1, 0xc00)", "csrrs(a0, a1, 0)", "csrrw(a0, a1, 0xfff)",
    "csrrci(a0, 0xc00, 31)", "csrrsi(a0, 1, 0)", "csrrwi(a0, 0xfff, 5)",
    "ebreak()", "ecall()",
    "jalr(ra, a0, 0)", "jalr(zero, a1, -4)",
], ret="uint")

RV["ok_regs"] = rv32("regs", [], [
    "add(zero, ra, sp)", "add(gp, tp, t0)", "add(t1, t2, s0)", "add(s1, a0, a1)", "add(a2, a3, a4)",
    "add(a5, a6, a7)", "add(s2, s3, s4)", "add(s5, s6, s7)", "add(s8, s9, s10)", "add(s11, t3, t4)",
    "add(t5, t6, x0)",
] + [f"add(x{i}, x{(i + 1) % 32}, x{(i + 2) % 32})" for i in range(0, 32, 3)])

RV["ok_loadstore"] = rv32("ldst", ["a0", "a1"], [
    "lb(a0, 0(a1))", "lbu(a0, 2047(a1))", "lh(a0, -2048(a1))", "lhu(a0, -1(a1))", "lw(a0, 4(sp))",
    "sb(a0, 0(a1))", "sh(a0, 2(a1))", "sw(a0, -4(sp))", "lw(t0, +8(a0))",
    # the reference checks c.lw/c.sw/c.lwsp/c.swsp offsets as signed: 0..60 (124), and -4..-64
    "c_lw(a0, 0(a1))", "c_lw(s0, 60(a5))", "c_lw(a1, -4(a2))", "c_lw(a1, -64(a2))",
    "c_sw(a2, 4(s1))", "c_sw(a3, 32(a4))", "c_sw(a3, -8(a4))",
    "c_lwsp(a0, 0)", "c_lwsp(ra, 124)", "c_lwsp(ra, -4)", "c_swsp(a0, 4)", "c_swsp(zero, 124)", "c_swsp(t6, -128)",
    # a bracket trailer passes for the base register
    "lw(a0, 4[a1])", "sw(a0, -4[a1])",
])

RV["ok_compressed"] = rv32("comp", ["a0", "a1"], [
    "c_add(a0, a1)", "c_addi(a0, 1)", "c_addi(a0, -32)", "c_addi(a0, 31)",
    "c_addi4spn(a0, 4)", "c_addi4spn(s1, 1020)",
    "c_and(a0, a1)", "c_andi(a0, -1)", "c_andi(s0, 31)", "c_or(a2, a3)", "c_xor(a4, a5)", "c_sub(s0, s1)",
    "c_li(a0, -32)", "c_li(t0, 31)", "c_lui(a0, 1)", "c_lui(a0, 31)", "c_lui(t6, 16)",
    "c_mv(a0, a1)", "c_nop()", "c_ebreak()",
    "c_slli(a0, 1)", "c_slli(a0, 31)", "c_srai(a0, 0)", "c_srai(a0, 31)", "c_srli(a5, 3)",
    "c_jalr(a0)", "c_jr(ra)",
])

RV["ok_branches"] = rv32("br", ["a0", "a1"], [
    "label(top)",
    "beq(a0, a1, top)", "bne(a0, a1, end)", "blt(a0, a1, top)", "bge(a0, a1, end)",
    "bltu(a0, a1, top)", "bgeu(a0, a1, end)",
    "c_beqz(a0, top)", "c_bnez(s1, end)", "c_j(top)", "c_jal(end)",
    "jal(ra, top)", "jal(zero, end)", "la(a0, top)", "la(a1, end)",
    "label(end)",
])

RV["ok_li"] = rv32("li", ["a0"], [
    "li(a0, 0)", "li(a0, 1)", "li(a0, -1)", "li(a0, 31)", "li(a0, -32)", "li(a0, 32)", "li(a0, 2047)",
    "li(a0, -2048)", "li(a0, 2048)", "li(a0, 0x12345678)", "li(a0, 0x7ffff800)", "li(a0, -0x80000000)",
    "li(a0, 0xfffff000)", "li(a0, 0x1000)", "li(s1, 0x800)", "li(t0, 4096 * 3)",
    "li(a0, 2**40 + 5)", "li(a0, -2**40)", "li(a0, 0x1f000)", "li(a0, -0x20000)", "li(a0, 0x7ff)",
    "li(a0, 0xfffff800)", "li(a0, 0x12345fff)",
])

RV["ok_data"] = rv32("d", [], ["data(1, 1, 2, 3)", "align(4)", "data(2, 0x1234, -1)", "data(4, 2**33 + 7)",
                               "align(8)", "data(8, -2)", "pass", "c_nop()"], ret="object") + \
    rv32("e", ["a0"], ["mv(a0, a0)"], ret="bool") + rv32("g", ["a0", "a1", "a2"], ["add(a0, a1, a2)"], ret="int")

# lui/auipc take any value (their mask leaves no sign bits to check)
RV["ok_lui_any"] = rv32("lui", ["a0"], ["lui(a0, 0x100000)", "lui(a0, -0x80001)", "auipc(a0, 2**31)"])

# forward branches in the first 4 KiB: checked against offset 0 in the size pass
RV["ok_forward_near"] = rv32("fwd", ["a0"], [
    "c_j(e2)", "c_nop()", "label(e2)", "c_nop()", "align(2048)", "beq(a0, a0, e1)", "label(e1)",
    "jal(ra, e3)", "label(e3)", "la(a0, e4)", "label(e4)",
])

# the stack adjustment is cast to int32_t: 2**32 + 16 is 16
RV["ok_zcmp_adjust_wraps"] = ZCMP_FLAGS + rv32("wrap", [], ["cm_pop({ra}, 2**32 + 16)", "cm_push({ra}, -2**32 - 32)"])

RV["ok_zba"] = ZCMP_FLAGS + rv32("zba", ["a0", "a1"], ["sh1add(a0, a1, a2)", "sh2add(a0, a1, a2)", "sh3add(t0, t1, t2)"])

RV["ok_zcmp"] = ZCMP_FLAGS + rv32("zcmp", ["a0", "a1"], [
    "cm_push({ra}, -16)", "cm_push({ra, s0}, -32)", "cm_push({ra, s0-s1}, -48)", "cm_push({ra, s0-s2}, 0)",
    "cm_push({ra, s0-s11}, -16)", "cm_push({ra, s0-s9}, -16)",
    "cm_pop({ra}, 16)", "cm_pop({ra, s0-s3}, 0)", "cm_popret({ra, s0-s4}, 32)", "cm_popretz({ra, s0-s8}, 48)",
    "cm_mva01s(s0, s1)", "cm_mvsa01(s2, s7)", "cm_mva01s(s7, s0)",
])

RV_ERR = {
    "params_5": rv32("f", ["a0", "a1", "a2", "a3", "a4"], ["c_nop()"]),
    "params_order": rv32("f", ["a1"], ["c_nop()"]),
    "params_x10": rv32("f", ["x10", "x12"], ["c_nop()"]),
    "params_default": rv32("f", ["a0=1"], ["c_nop()"]),
    "invalid_instruction": rv32("f", [], ["foo(a0)"]),
    "invalid_instruction_zba": rv32("f", [], ["sh1add(a0, a1, a2)"]),
    "invalid_instruction_zcmp": rv32("f", [], ["cm_push({ra}, -16)"]),
    "invalid_instruction_zcmp_args": rv32("f", [], ["cm_push({ra})"]),
    "wrong_count": rv32("f", [], ["add(a0, a1)"]),
    "wrong_count0": rv32("f", [], ["ecall(a0)"]),
    "wrong_count_ldst": rv32("f", [], ["lw(a0, 0, a1)"]),
    "kind_register": rv32("f", [], ["add(a0, 1, a2)"]),
    "kind_register_name": rv32("f", [], ["add(a0, a1, q1)"]),
    "kind_register_compressed": rv32("f", [], ["c_and(a6, a1)"]),
    "kind_integer": rv32("f", [], ["addi(a0, a1, a2)"]),
    "kind_label": rv32("f", [], ["c_j(1)"]),
    "kind_offset": rv32("f", [], ["lw(a0, a1)"]),
    "kind_offset_call": rv32("f", [], ["lw(a0, f(a1, 2))"]),
    "kind_offset_not": rv32("f", [], ["lw(a0, ~4(a1))"]),
    "kind_offset_neg_name": rv32("f", [], ["lw(a0, -x(a1))"]),
    "kind_offset_int": rv32("f", [], ["sw(a0, x(a1))"]),
    "kind_offset_base": rv32("f", [], ["sw(a0, 0(7))"]),
    "unknown_register": rv32("f", [], ["c_mv(zero, a0)"]),
    "unknown_register_lui": rv32("f", [], ["c_lui(sp, 1)"]),
    "unknown_register_clw": rv32("f", [], ["c_lw(a0, 0(sp))"]),
    "unknown_register_4spn": rv32("f", [], ["c_addi4spn(a6, 4)"]),
    "out_of_range_addi": rv32("f", [], ["addi(a0, a1, 2048)"]),
    "out_of_range_addi_neg": rv32("f", [], ["addi(a0, a1, -2049)"]),
    "out_of_range_slli": rv32("f", [], ["slli(a0, a1, 32)"]),
    "out_of_range_slli_neg": rv32("f", [], ["slli(a0, a1, -1)"]),
    # in the size pass a label not seen yet reads as offset 0 (the reference reads one past its
    # label table, a zeroed word): a forward branch is checked as a branch back to offset 0
    "forward_branch_far_position": rv32("f", ["a0"], ["c_nop()", "align(8192)", "beq(a0, a0, end)", "label(end)"]),
    "forward_branch_odd_position": rv32("f", ["a0"], ["data(1, 0)", "beq(a0, a0, end)", "label(end)"]),
    "forward_cj_odd_position": rv32("f", ["a0"], ["data(1, 0)", "c_j(end)", "label(end)"]),
    "out_of_range_clwsp": rv32("f", [], ["c_lwsp(a0, 2)"]),
    "out_of_range_clw": rv32("f", [], ["c_lw(a0, 128(a1))"]),
    "out_of_range_lw": rv32("f", [], ["lw(a0, 2048(a1))"]),
    "out_of_range_lw_neg": rv32("f", [], ["lw(a0, -2049(a1))"]),
    "out_of_range_csr": rv32("f", [], ["csrrw(a0, a1, 4096)"]),
    "out_of_range_csri": rv32("f", [], ["csrrwi(a0, 1, 32)"]),
    "out_of_range_caddi": rv32("f", [], ["c_addi(a0, 32)"]),
    "out_of_range_branch": rv32("f", ["a0"], ["beq(a0, a0, far)", "align(4096)", "label(far)"]),
    "out_of_range_cbeqz": rv32("f", ["a0"], ["c_beqz(a0, far)", "align(256)", "label(far)"]),
    "out_of_range_cj": rv32("f", [], ["c_j(far)", "align(2048)", "label(far)"]),
    "out_of_range_jal": rv32("f", [], ["jal(ra, far)", "align(1048576)", "label(far)"]),
    "zero_caddi": rv32("f", [], ["c_addi(a0, 0)"]),
    "zero_clui": rv32("f", [], ["c_lui(a0, 0)"]),
    "zero_4spn": rv32("f", [], ["c_addi4spn(a0, 0)"]),
    "undefined_label": rv32("f", [], ["c_j(nowhere)"]),
    "undefined_label_bne": rv32("f", [], ["bne(a0, a1, nowhere)"]),
    "zcmp_same": rv32("f", [], ["cm_mva01s(s0, s0)"]),
    "zcmp_wrong_reg": rv32("f", [], ["cm_mvsa01(a0, s1)"]),
    "zcmp_wrong_reg2": rv32("f", [], ["cm_mvsa01(s1, a0)"]),
    "zcmp_reglist": rv32("f", [], ["cm_push({s0}, -16)"]),
    "zcmp_reglist_s10": rv32("f", [], ["cm_push({ra, s0-s10}, -16)"]),
    "zcmp_reglist_s1": rv32("f", [], ["cm_pop({ra, s1}, 16)"]),
    "zcmp_reglist_not_set": rv32("f", [], ["cm_pop(ra, 16)"]),
    "zcmp_adjust_int": rv32("f", [], ["cm_push({ra}, x)"]),
    "zcmp_adjust_sign": rv32("f", [], ["cm_push({ra}, 16)"]),
    "zcmp_adjust_sign_pop": rv32("f", [], ["cm_pop({ra}, -16)"]),
    "zcmp_adjust_value": rv32("f", [], ["cm_popret({ra}, 8)"]),
    "zcmp_adjust_big": rv32("f", [], ["cm_popret({ra}, 64)"]),
    "zcmp_reglist_three": rv32("f", [], ["cm_push({ra, s0, s1}, -16)"]),
    "zcmp_reglist_s0_to_a0": rv32("f", [], ["cm_push({ra, s0-a0}, -16)"]),
    "zcmp_reglist_plus": rv32("f", [], ["cm_push({ra, s0+s1}, -16)"]),
    "zcmp_count": rv32("f", [], ["cm_push({ra})"]),
    # mp_obj_get_int on a value past a machine word raises OverflowError (no traceback)
    "zcmp_adjust_overflow": rv32("f", [], ["cm_push({ra}, 2**70)"]),
    "not_instruction": rv32("f", [], ["a0 = 1"]),
    "label_redefined": rv32("f", [], ["label(a)", "label(a)"]),
    "data_args": rv32("f", [], ["data(1)"]),
    "unknown_type": rv32("f", [], ["c_nop()"], ret="list"),
}
for k, v in RV_ERR.items():
    RV["err_" + k] = (ZCMP_FLAGS if k.startswith("zcmp_") else "") + v


def write(sub, files):
    d = os.path.join(HERE, sub)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for name, text in sorted(files.items()):
        with open(os.path.join(d, name + ".py"), "w") as f:
            f.write(text)


write("thumb", THUMB)
write("xtensa", XT)
write("rv32", RV)
print(f"thumb {len(THUMB)}, xtensa {len(XT)}, rv32 {len(RV)}")
