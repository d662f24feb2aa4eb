//! The `@micropython.asm_rv32` inline assembler (after py/emitinlinerv32.c): one Python call
//! per instruction, `a0`..`a3` as parameters, operands checked against per-opcode bit masks,
//! `offset(base)` memory operands, and the Zcmp `cm.*` opcodes when `-march-flags=zcmp`.
//!
//! The encoders are those of [`crate::asm::rv32`], shared with the native emitter.

use crate::asm::rv32::{self as enc, Rv32, EXT_ZBA, EXT_ZCMP};
use num_traits::ToPrimitive;

use crate::asm::{AsmBase, AsmError, AsmPass, Label, NativeAsm};
use crate::error::ErrorClass;
use crate::lexer::TokenKind;
use crate::parse::grammar::Rule;
use crate::parse::node::Node;
use crate::qstr::{Qstr, QstrPool};
use crate::value::ConstValue;

use super::inline_asm::{int_arg64, InlineAsm, LabelTable};
use super::Pass;

/// `REGISTERS_QSTR_TABLE`: ABI names then `x0`..`x31`; the register is the index mod 32.
const REGISTERS: [&str; 64] = [
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4",
    "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
    "t5", "t6", "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
    "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25",
    "x26", "x27", "x28", "x29", "x30", "x31",
];

/// How an opcode's parsed operands reach its encoder (`call_convention_t`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Call {
    /// Every operand in order (`CALL_RRR`, `CALL_RR`, `CALL_RRI`, `CALL_RRL`, `CALL_RI`, ...).
    InOrder,
    /// `rd, offset(base)`: the second operand is split, and the encoder takes `rd, base, offset`
    /// (`CALL_RIR`).
    RegOffsetBase,
}

/// An operand's kind (`N`, `R`, `I`, `L` with the `C`/`U`/`Z` flags).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Arg {
    /// No operand.
    None,
    /// A register (`R`); `compressed` (`C`) maps it into the `x8`..`x15` window.
    Reg { compressed: bool },
    /// An integer (`I`), shifted left by `shift`, checked as unsigned (`U`) or signed, and
    /// refused when zero (`Z`).
    Imm {
        unsigned: bool,
        nonzero: bool,
        shift: u32,
    },
    /// A label (`L`): the byte distance from this instruction, checked as signed.
    Label,
}

const R: Arg = Arg::Reg { compressed: false };
const RC: Arg = Arg::Reg { compressed: true };
const I: Arg = Arg::Imm {
    unsigned: false,
    nonzero: false,
    shift: 0,
};
const I12: Arg = Arg::Imm {
    unsigned: false,
    nonzero: false,
    shift: 12,
};
const IU: Arg = Arg::Imm {
    unsigned: true,
    nonzero: false,
    shift: 0,
};
const IZ: Arg = Arg::Imm {
    unsigned: false,
    nonzero: true,
    shift: 0,
};
const IUZ: Arg = Arg::Imm {
    unsigned: true,
    nonzero: true,
    shift: 0,
};
const IUZ12: Arg = Arg::Imm {
    unsigned: true,
    nonzero: true,
    shift: 12,
};
const L: Arg = Arg::Label;
const N: Arg = Arg::None;

/// The serialised operands, in the order the encoder takes them (`mp_uint_t` values).
type Emit = fn(&mut Rv32, u64, u64, u64);

/// One row of `OPCODES`.
struct Opcode {
    name: &'static str,
    /// `OPCODE_MASKS[argumentN_mask]`: the bits an operand may have (for a register, the
    /// registers it may name).
    masks: [u32; 3],
    /// How many operands the source gives (`parse_nodes`).
    operands: usize,
    call: Call,
    kinds: [Arg; 3],
    /// Needs Zba (`RV32_EXT_ZBA`).
    zba: bool,
    emit: Emit,
}

const M_NOT_USED: u32 = 0xFFFF_FFFF; // MASK_NOT_USED is index 0, i.e. 0xFFFFFFFF
const M_ALL: u32 = 0xFFFF_FFFF;
const M_NO_ZERO: u32 = 0xFFFF_FFFE;
const M_WINDOW: u32 = 0x0000_FF00;

#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
mod emitters {
    //! The encoder calls, with the reference's `mp_uint_t` → `mp_int_t`/register conversions.
    use super::{enc, Rv32};

    pub(super) fn w(a: &mut Rv32, word: u32) {
        a.emit_word(word);
    }
    pub(super) fn h(a: &mut Rv32, half: u16) {
        a.emit_halfword(half);
    }
    pub(super) const fn r(v: u64) -> u32 {
        v as u32
    }
    pub(super) const fn i(v: u64) -> i32 {
        v as i32
    }
    /// `opcode_la`: `auipc rd, HI(d); addi rd, rd, LO(d)`, always both (label offsets must not
    /// depend on the distance).
    pub(super) fn la(a: &mut Rv32, rd: u64, displacement: u64, _: u64) {
        let (upper, lower) = enc::split_immediate(displacement as i64);
        w(a, enc::auipc(r(rd), upper as i32));
        w(a, enc::addi(r(rd), r(rd), lower as i32));
    }
    /// `opcode_li` (`asm_rv32_emit_optimised_load_immediate`).
    pub(super) fn li(a: &mut Rv32, rd: u64, value: u64, _: u64) {
        a.optimised_load_immediate(rd as u8, value as i64);
    }
}

use emitters::{h, i, r, w};

macro_rules! op {
    ($name:literal, [$m1:expr, $m2:expr, $m3:expr], $n:literal, $call:expr, [$k1:expr, $k2:expr, $k3:expr], $zba:literal, $emit:expr) => {
        Opcode {
            name: $name,
            masks: [$m1, $m2, $m3],
            operands: $n,
            call: $call,
            kinds: [$k1, $k2, $k3],
            zba: $zba,
            emit: $emit,
        }
    };
}

use Call::{InOrder as O, RegOffsetBase as RIR};

/// `OPCODES` (py/emitinlinerv32.c), in its order.
#[rustfmt::skip]
const OPCODES: &[Opcode] = &[
    op!("add", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::add(r(x), r(y), r(z)))),
    op!("addi", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::addi(r(x), r(y), i(z)))),
    op!("and_", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::and(r(x), r(y), r(z)))),
    op!("andi", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::andi(r(x), r(y), i(z)))),
    op!("auipc", [M_ALL, 0xFFFF_F000, M_NOT_USED], 2, O, [R, I12, N], false, |a, x, y, _| w(a, enc::auipc(r(x), i(y)))),
    op!("beq", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::beq(r(x), r(y), i(z)))),
    op!("bge", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::bge(r(x), r(y), i(z)))),
    op!("bgeu", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::bgeu(r(x), r(y), i(z)))),
    op!("blt", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::blt(r(x), r(y), i(z)))),
    op!("bltu", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::bltu(r(x), r(y), i(z)))),
    op!("bne", [M_ALL, M_ALL, 0x1FFE], 3, O, [R, R, L], false, |a, x, y, z| w(a, enc::bne(r(x), r(y), i(z)))),
    op!("csrrc", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::csrrc(r(x), r(y), i(z)))),
    op!("csrrs", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::csrrs(r(x), r(y), i(z)))),
    op!("csrrw", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::csrrw(r(x), r(y), i(z)))),
    op!("csrrci", [M_ALL, 0xFFF, 0x1F], 3, O, [R, IU, IU], false, |a, x, y, z| w(a, enc::csrrci(r(x), r(y), i(z)))),
    op!("csrrsi", [M_ALL, 0xFFF, 0x1F], 3, O, [R, IU, IU], false, |a, x, y, z| w(a, enc::csrrsi(r(x), r(y), i(z)))),
    op!("csrrwi", [M_ALL, 0xFFF, 0x1F], 3, O, [R, IU, IU], false, |a, x, y, z| w(a, enc::csrrwi(r(x), r(y), i(z)))),
    op!("c_add", [M_NO_ZERO, M_NO_ZERO, M_NOT_USED], 2, O, [R, R, N], false, |a, x, y, _| h(a, enc::cadd(r(x), r(y)))),
    op!("c_addi", [M_NO_ZERO, 0x3F, M_NOT_USED], 2, O, [R, IZ, N], false, |a, x, y, _| h(a, enc::caddi(r(x), i(y)))),
    op!("c_addi4spn", [M_WINDOW, 0x3FC, M_NOT_USED], 2, O, [R, IUZ, N], false, |a, x, y, _| h(a, enc::caddi4spn(r(x), r(y)))),
    op!("c_and", [M_WINDOW, M_WINDOW, M_NOT_USED], 2, O, [RC, RC, N], false, |a, x, y, _| h(a, enc::cand(r(x), r(y)))),
    op!("c_andi", [M_WINDOW, 0x3F, M_NOT_USED], 2, O, [RC, I, N], false, |a, x, y, _| h(a, enc::candi(r(x), i(y)))),
    op!("c_beqz", [M_WINDOW, 0x1FE, M_NOT_USED], 2, O, [RC, L, N], false, |a, x, y, _| h(a, enc::cbeqz(r(x), i(y)))),
    op!("c_bnez", [M_WINDOW, 0x1FE, M_NOT_USED], 2, O, [RC, L, N], false, |a, x, y, _| h(a, enc::cbnez(r(x), i(y)))),
    op!("c_ebreak", [M_NOT_USED, M_NOT_USED, M_NOT_USED], 0, O, [N, N, N], false, |a, _, _, _| h(a, enc::cebreak())),
    op!("c_j", [0xFFE, M_NOT_USED, M_NOT_USED], 1, O, [L, N, N], false, |a, x, _, _| h(a, enc::cj(i(x)))),
    op!("c_jal", [0xFFE, M_NOT_USED, M_NOT_USED], 1, O, [L, N, N], false, |a, x, _, _| h(a, enc::cjal(i(x)))),
    op!("c_jalr", [M_NO_ZERO, M_NOT_USED, M_NOT_USED], 1, O, [R, N, N], false, |a, x, _, _| h(a, enc::cjalr(r(x)))),
    op!("c_jr", [M_NO_ZERO, M_NOT_USED, M_NOT_USED], 1, O, [R, N, N], false, |a, x, _, _| h(a, enc::cjr(r(x)))),
    op!("c_li", [M_NO_ZERO, 0x3F, M_NOT_USED], 2, O, [R, I, N], false, |a, x, y, _| h(a, enc::cli(r(x), i(y)))),
    op!("c_lui", [0xFFFF_FFFA, 0x1_F800, M_NOT_USED], 2, O, [R, IUZ12, N], false, |a, x, y, _| h(a, enc::clui(r(x), i(y)))),
    op!("c_lw", [M_WINDOW, 0x7C, M_WINDOW], 2, RIR, [RC, I, RC], false, |a, x, y, z| h(a, enc::clw(r(x), r(y), i(z)))),
    op!("c_lwsp", [M_NO_ZERO, 0xFC, M_NOT_USED], 2, O, [R, I, N], false, |a, x, y, _| h(a, enc::clwsp(r(x), r(y)))),
    op!("c_mv", [M_NO_ZERO, M_NO_ZERO, M_NOT_USED], 2, O, [R, R, N], false, |a, x, y, _| h(a, enc::cmv(r(x), r(y)))),
    op!("c_nop", [M_NOT_USED, M_NOT_USED, M_NOT_USED], 0, O, [N, N, N], false, |a, _, _, _| h(a, enc::cnop())),
    op!("c_or", [M_WINDOW, M_WINDOW, M_NOT_USED], 2, O, [RC, RC, N], false, |a, x, y, _| h(a, enc::cor(r(x), r(y)))),
    op!("c_slli", [M_NO_ZERO, 0x1F, M_NOT_USED], 2, O, [R, IU, N], false, |a, x, y, _| h(a, enc::cslli(r(x), i(y)))),
    op!("c_srai", [M_WINDOW, 0x1F, M_NOT_USED], 2, O, [RC, IU, N], false, |a, x, y, _| h(a, enc::csrai(r(x), i(y)))),
    op!("c_srli", [M_WINDOW, 0x1F, M_NOT_USED], 2, O, [RC, IU, N], false, |a, x, y, _| h(a, enc::csrli(r(x), i(y)))),
    op!("c_sub", [M_WINDOW, M_WINDOW, M_NOT_USED], 2, O, [RC, RC, N], false, |a, x, y, _| h(a, enc::csub(r(x), r(y)))),
    op!("c_sw", [M_WINDOW, 0x7C, M_WINDOW], 2, RIR, [RC, I, RC], false, |a, x, y, z| h(a, enc::csw(r(x), r(y), i(z)))),
    op!("c_swsp", [M_ALL, 0xFC, M_NOT_USED], 2, O, [R, I, N], false, |a, x, y, _| h(a, enc::cswsp(r(x), r(y)))),
    op!("c_xor", [M_WINDOW, M_WINDOW, M_NOT_USED], 2, O, [RC, RC, N], false, |a, x, y, _| h(a, enc::cxor(r(x), r(y)))),
    op!("div", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::div(r(x), r(y), r(z)))),
    op!("divu", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::divu(r(x), r(y), r(z)))),
    op!("ebreak", [M_NOT_USED, M_NOT_USED, M_NOT_USED], 0, O, [N, N, N], false, |a, _, _, _| w(a, enc::ebreak())),
    op!("ecall", [M_NOT_USED, M_NOT_USED, M_NOT_USED], 0, O, [N, N, N], false, |a, _, _, _| w(a, enc::ecall())),
    op!("jal", [M_ALL, 0x1F_FFFE, M_NOT_USED], 2, O, [R, L, N], false, |a, x, y, _| w(a, enc::jal(r(x), i(y)))),
    op!("jalr", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::jalr(r(x), r(y), i(z)))),
    op!("la", [M_ALL, M_ALL, M_NOT_USED], 2, O, [R, L, N], false, emitters::la),
    op!("lb", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::lb(r(x), r(y), i(z)))),
    op!("lbu", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::lbu(r(x), r(y), i(z)))),
    op!("lh", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::lh(r(x), r(y), i(z)))),
    op!("lhu", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::lhu(r(x), r(y), i(z)))),
    op!("li", [M_ALL, M_ALL, M_NOT_USED], 2, O, [R, I, N], false, emitters::li),
    op!("lui", [M_ALL, 0xFFFF_F000, M_NOT_USED], 2, O, [R, I12, N], false, |a, x, y, _| w(a, enc::lui(r(x), i(y)))),
    op!("lw", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::lw(r(x), r(y), i(z)))),
    op!("mv", [M_ALL, M_ALL, M_NOT_USED], 2, O, [R, R, N], false, |a, x, y, _| h(a, enc::cmv(r(x), r(y)))),
    op!("mul", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::mul(r(x), r(y), r(z)))),
    op!("mulh", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::mulh(r(x), r(y), r(z)))),
    op!("mulhsu", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::mulhsu(r(x), r(y), r(z)))),
    op!("mulhu", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::mulhu(r(x), r(y), r(z)))),
    op!("or_", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::or(r(x), r(y), r(z)))),
    op!("ori", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::ori(r(x), r(y), i(z)))),
    op!("rem", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::rem(r(x), r(y), r(z)))),
    op!("remu", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::remu(r(x), r(y), r(z)))),
    op!("sb", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::sb(r(x), r(y), i(z)))),
    op!("sh", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::sh(r(x), r(y), i(z)))),
    op!("sh1add", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], true, |a, x, y, z| w(a, enc::sh1add(r(x), r(y), r(z)))),
    op!("sh2add", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], true, |a, x, y, z| w(a, enc::sh2add(r(x), r(y), r(z)))),
    op!("sh3add", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], true, |a, x, y, z| w(a, enc::sh3add(r(x), r(y), r(z)))),
    op!("sll", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::sll(r(x), r(y), r(z)))),
    op!("slli", [M_ALL, M_ALL, 0x1F], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::slli(r(x), r(y), i(z)))),
    op!("slt", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::slt(r(x), r(y), r(z)))),
    op!("slti", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::slti(r(x), r(y), i(z)))),
    op!("sltiu", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::sltiu(r(x), r(y), i(z)))),
    op!("sltu", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::sltu(r(x), r(y), r(z)))),
    op!("sra", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::sra(r(x), r(y), r(z)))),
    op!("srai", [M_ALL, M_ALL, 0x1F], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::srai(r(x), r(y), i(z)))),
    op!("srl", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::srl(r(x), r(y), r(z)))),
    op!("srli", [M_ALL, M_ALL, 0x1F], 3, O, [R, R, IU], false, |a, x, y, z| w(a, enc::srli(r(x), r(y), i(z)))),
    op!("sub", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::sub(r(x), r(y), r(z)))),
    op!("sw", [M_ALL, 0xFFF, M_ALL], 2, RIR, [R, I, R], false, |a, x, y, z| w(a, enc::sw(r(x), r(y), i(z)))),
    op!("xor", [M_ALL, M_ALL, M_ALL], 3, O, [R, R, R], false, |a, x, y, z| w(a, enc::xor(r(x), r(y), r(z)))),
    op!("xori", [M_ALL, M_ALL, 0xFFF], 3, O, [R, R, I], false, |a, x, y, z| w(a, enc::xori(r(x), r(y), i(z)))),
];

/// The Zcmp opcodes (`ZCMP_OPCODE_NAMES`), taken only with `-march-flags=zcmp`.
const ZCMP_OPCODES: [&str; 6] = [
    "cm_push",
    "cm_pop",
    "cm_popret",
    "cm_popretz",
    "cm_mva01s",
    "cm_mvsa01",
];

/// Every mnemonic this assembler knows (the table, then Zcmp).
#[cfg(test)]
fn mnemonics() -> impl Iterator<Item = &'static str> {
    OPCODES
        .iter()
        .map(|o| o.name)
        .chain(ZCMP_OPCODES.iter().copied())
}

/// `is_in_signed_mask` on the reference's types: the mask is a `uint32_t` (so the value's bits
/// above 31 are never looked at) and the value an `mp_uint_t`.
fn is_in_signed_mask(mask: u32, value: u64) -> bool {
    let leading_zeroes = mask.leading_zeros();
    if leading_zeroes == 0 {
        return true;
    }
    let positive_mask = u64::from(!(mask & !(1u32 << (31 - leading_zeroes))));
    if value & positive_mask == 0 {
        return true;
    }
    let mut negative_mask = u64::from(!(mask >> 1));
    let trailing_zeroes = mask.trailing_zeros();
    if trailing_zeroes > 0 {
        let trailing_mask = (1u64 << trailing_zeroes) - 1;
        if value & trailing_mask != 0 {
            return false;
        }
        negative_mask &= !trailing_mask;
    }
    value & negative_mask == negative_mask
}

/// `is_in_unsigned_mask` (the mask widened to `mp_uint_t`: no bit above 31 may be set).
fn is_in_unsigned_mask(mask: u32, value: u64) -> bool {
    value & !u64::from(mask) == 0
}

/// Why an operand was refused; turned into the reference's message by [`InlineRv32::report`].
enum ArgError {
    /// `ET_WRONG_ARGUMENT_KIND`: "expecting register/integer/label/offset".
    Kind(&'static str),
    UnknownRegister,
    OutOfRange,
    Zero,
    UndefinedLabel(Qstr),
}

/// `emit_inline_asm_t` for RV32.
#[derive(Debug)]
pub(crate) struct InlineRv32 {
    asm: Rv32,
    pass: Pass,
    label_lookup: LabelTable,
    /// The error slot: the last SyntaxError message written (the reference overwrites it).
    error: Option<String>,
    /// An exception raised past the error slot.
    raise: Option<(ErrorClass, String)>,
}

impl InlineRv32 {
    /// `emit_inline_rv32_new`, with the extensions `-march-flags` allows.
    pub(crate) fn new(max_num_labels: usize, extensions: u8) -> Self {
        Self {
            asm: Rv32::new(max_num_labels, extensions),
            pass: Pass::Scope,
            label_lookup: LabelTable::new(max_num_labels),
            error: None,
            raise: None,
        }
    }

    /// `parse_register_node`: the register an identifier names; with `compressed`, only
    /// `x8`..`x15`, as its three-bit number.
    fn parse_register(node: &Node, compressed: bool, pool: &QstrPool) -> Option<u32> {
        let Node::Id(q) = node else {
            return None;
        };
        let name = pool.bytes(*q);
        let index = REGISTERS.iter().position(|r| r.as_bytes() == name)?;
        #[allow(clippy::cast_possible_truncation)]
        let number = (index % 32) as u32;
        if !compressed {
            return Some(number);
        }
        enc::is_in_c_register_window(number).then(|| enc::map_in_c_register_window(number))
    }

    /// `lookup_label`: the label's number, or `max_num_labels` when it has not been seen.
    fn lookup_label(&self, q: Qstr) -> usize {
        self.label_lookup.find(q).unwrap_or(self.label_lookup.len())
    }

    /// `label_code_offset`: the distance from here to the label. A label not seen yet (the
    /// size pass's forward references) is read one past the reference's label table, a word its
    /// allocator zeroed: offset 0.
    fn label_displacement(&self, label: usize) -> i64 {
        let base = self.asm.base();
        #[allow(clippy::cast_possible_truncation)]
        let dest = if label < self.label_lookup.len() {
            base.label_dest(Label(label as u32))
        } else {
            0
        };
        dest.wrapping_sub(base.pos())
    }

    /// `serialise_argument`: operand `index` of `op`, checked and in the encoder's form.
    fn serialise(
        &self,
        op: &Opcode,
        node: &Node,
        index: usize,
        pool: &QstrPool,
    ) -> Result<u64, ArgError> {
        let mask = op.masks[index];
        match op.kinds[index] {
            Arg::None => Ok(0),
            Arg::Reg { compressed } => {
                let Some(reg) = Self::parse_register(node, false, pool) else {
                    return Err(ArgError::Kind("register"));
                };
                if mask & (1 << reg) == 0 {
                    return Err(ArgError::UnknownRegister);
                }
                Ok(u64::from(if compressed {
                    enc::map_in_c_register_window(reg)
                } else {
                    reg
                }))
            }
            Arg::Imm {
                unsigned,
                nonzero,
                shift,
            } => {
                let Some(v) = int_arg64(node) else {
                    return Err(ArgError::Kind("integer"));
                };
                let value = v << shift;
                let fits = if unsigned {
                    is_in_unsigned_mask(mask, value)
                } else {
                    is_in_signed_mask(mask, value)
                };
                if !fits {
                    return Err(ArgError::OutOfRange);
                }
                if nonzero && value == 0 {
                    return Err(ArgError::Zero);
                }
                Ok(value)
            }
            Arg::Label => {
                let Node::Id(q) = node else {
                    return Err(ArgError::Kind("label"));
                };
                let label = self.lookup_label(*q);
                if label >= self.label_lookup.len() && self.pass == Pass::Emit {
                    return Err(ArgError::UndefinedLabel(*q));
                }
                #[allow(clippy::cast_sign_loss)]
                let displacement = self.label_displacement(label) as u64;
                if !is_in_signed_mask(mask, displacement) {
                    return Err(ArgError::OutOfRange);
                }
                Ok(displacement)
            }
        }
    }

    /// `serialise_register_offset_node`: `offset(base)`, `+offset(base)` or `-offset(base)`
    /// as (offset, base). Errors name operand `index + 1` only for a malformed operand; the
    /// offset and base are operands 2 and 3, as the reference numbers them.
    fn serialise_offset_base(
        &self,
        op: &Opcode,
        node: &Node,
        index: usize,
        pool: &QstrPool,
    ) -> Result<(u64, u64), (usize, ArgError)> {
        let malformed = || (index, ArgError::Kind("offset"));
        let (negative, call) = match node {
            Node::Struct(s) if s.rule == Rule::atom_expr_normal => (false, &**s),
            Node::Struct(s) if s.rule == Rule::factor_2 => {
                let sign = s.nodes.first().unwrap_or(&Node::Null);
                let negative = sign.is_token(TokenKind::OP_MINUS);
                if !negative && !sign.is_token(TokenKind::OP_PLUS) {
                    return Err(malformed());
                }
                match s.nodes.get(1) {
                    Some(Node::Struct(inner)) if inner.rule == Rule::atom_expr_normal => {
                        (negative, &**inner)
                    }
                    _ => return Err(malformed()),
                }
            }
            _ => return Err(malformed()),
        };
        let offset_node = call.nodes.first().unwrap_or(&Node::Null);
        let offset = if negative {
            let Some(v) = int_arg64(offset_node) else {
                return Err((1, ArgError::Kind("integer")));
            };
            let value = v.wrapping_neg();
            let (mask, kind) = (op.masks[1], op.kinds[1]);
            let fits = match kind {
                Arg::Imm {
                    unsigned,
                    nonzero,
                    shift,
                } => {
                    let shifted = value << shift;
                    let in_mask = if unsigned {
                        is_in_unsigned_mask(mask, shifted)
                    } else {
                        is_in_signed_mask(mask, shifted)
                    };
                    in_mask && !(nonzero && shifted == 0)
                }
                _ => true,
            };
            if !fits {
                return Err((1, ArgError::OutOfRange));
            }
            value
        } else {
            self.serialise(op, offset_node, 1, pool)
                .map_err(|e| (1, e))?
        };
        // The trailer after the offset (any kind: `4[a1]` passes too); its first child is the base.
        let base_node = match call.nodes.get(1) {
            Some(Node::Struct(t)) => t.nodes.first().unwrap_or(&Node::Null),
            _ => &Node::Null,
        };
        let base = self.serialise(op, base_node, 2, pool).map_err(|e| (2, e))?;
        Ok((offset, base))
    }

    /// The reference's message for operand `index` (0-based) of `op`.
    fn report(&mut self, op: &str, index: usize, error: ArgError, pool: &QstrPool) {
        let n = index + 1;
        self.error = Some(match error {
            ArgError::Kind(what) => format!("opcode '{op}' argument {n}: expecting {what}"),
            ArgError::UnknownRegister => format!("opcode '{op}' argument {n}: unknown register"),
            ArgError::OutOfRange => format!("opcode '{op}' argument {n}: out of range"),
            ArgError::Zero => format!("opcode '{op}' argument {n}: must not be zero"),
            ArgError::UndefinedLabel(q) => format!(
                "opcode '{op}' argument {n}: undefined label '{}'",
                String::from_utf8_lossy(pool.bytes(q))
            ),
        });
    }

    /// `extract_register_list`: `{ra}`, `{ra, s0}`, `{ra, s0-sN}` (N = 1..9 or 11) as Zcmp's
    /// `rlist` value (4..15).
    fn register_list(node: &Node, pool: &QstrPool) -> Option<u32> {
        let brace = node.as_struct_of(Rule::atom_brace)?;
        if brace.nodes.len() != 1 {
            return None;
        }
        let inner = &brace.nodes[0];
        let reg = |n: &Node| Self::parse_register(n, false, pool);
        if let Node::Id(_) = inner {
            return (reg(inner)? == u32::from(enc::RA)).then_some(4);
        }
        let set = inner.as_struct_of(Rule::dictorsetmaker)?;
        if set.nodes.len() != 2 {
            return None;
        }
        let first = &set.nodes[0];
        let rest = set.nodes[1].as_struct_of(Rule::dictorsetmaker_list)?;
        if !matches!(first, Node::Id(_)) || reg(first)? != u32::from(enc::RA) {
            return None;
        }
        // `mp_parse_node_extract_list(&nodes[1], PN_dictorsetmaker_list2)` on a
        // dictorsetmaker_list node: that node alone.
        if rest.nodes.len() != 1 {
            return None;
        }
        let second = &rest.nodes[0];
        if let Node::Id(_) = second {
            return (reg(second)? == u32::from(enc::S0)).then_some(5);
        }
        let range = second.as_struct_of(Rule::arith_expr)?;
        if range.nodes.len() != 3
            || !matches!(range.nodes[0], Node::Id(_))
            || !range.nodes[1].is_token(TokenKind::OP_MINUS)
            || !matches!(range.nodes[2], Node::Id(_))
        {
            return None;
        }
        if reg(&range.nodes[0])? != u32::from(enc::S0) {
            return None;
        }
        let last = reg(&range.nodes[2])?;
        let (s1, s2, s10, s11) = (
            u32::from(enc::S1),
            u32::from(enc::S2),
            u32::from(enc::S10),
            u32::from(enc::S11),
        );
        if last == s10 {
            return None;
        }
        if last == s1 {
            return Some(6);
        }
        (s2..=s11).contains(&last).then(|| 7 + last.min(s10) - s2)
    }

    /// `handle_zcmp_opcode`: `true` when `op` is a Zcmp opcode that assembled. A Zcmp opcode
    /// with a bad operand returns `false` like an unknown one, and the reference then replaces
    /// its specific message with "invalid RV32 instruction": only that one is left here.
    fn zcmp(&mut self, op: &str, args: &[Node], pool: &QstrPool) -> bool {
        let Some(which) = ZCMP_OPCODES.iter().position(|z| *z == op) else {
            return false;
        };
        if which >= 4 {
            // cm.mva01s / cm.mvsa01: two different registers among s0..s7.
            const S_REGS: u32 = 0x00FC_0300;
            let pick = |n: &Node| {
                Self::parse_register(n, false, pool).filter(|r| (1u32 << r) & S_REGS != 0)
            };
            let (Some(lhs), Some(rhs)) = (pick(&args[0]), pick(&args[1])) else {
                return false;
            };
            if lhs == rhs {
                return false;
            }
            let half = if which == 4 {
                enc::cmmva01s(lhs, rhs)
            } else {
                enc::cmmvsa01(lhs, rhs)
            };
            self.asm.emit_halfword(half);
            return true;
        }
        let Some(list) = Self::register_list(&args[0], pool) else {
            return false;
        };
        // `mp_obj_get_int`: a value past a machine word raises OverflowError.
        let adjust = match &args[1] {
            Node::SmallInt(v) => *v,
            Node::Const(c) => match &c.value {
                ConstValue::Int(i) => {
                    let Some(v) = i.to_i64() else {
                        self.raise = Some((
                            ErrorClass::OverflowError,
                            "overflow converting long int to machine word".into(),
                        ));
                        return true;
                    };
                    v
                }
                _ => return false,
            },
            _ => return false,
        };
        #[allow(clippy::cast_possible_truncation)]
        let adjust = adjust as i32;
        let magnitude = adjust.unsigned_abs();
        if magnitude & !0x30 != 0 || (which == 0 && adjust > 0) || (which != 0 && adjust < 0) {
            return false;
        }
        let half = match which {
            0 => enc::cmpush(list, magnitude),
            1 => enc::cmpop(list, magnitude),
            2 => enc::cmpopret(list, magnitude),
            _ => enc::cmpopretz(list, magnitude),
        };
        self.asm.emit_halfword(half);
        true
    }

    /// `emit_inline_rv32_opcode`.
    fn op_rv32(&mut self, op_q: Qstr, args: &[Node], pool: &QstrPool) {
        let op = String::from_utf8_lossy(pool.bytes(op_q)).into_owned();
        let extensions = self.asm.extensions();
        let opcode = OPCODES.iter().find(|o| o.name == op);
        if extensions & EXT_ZCMP != 0
            && opcode.is_none()
            && args.len() == 2
            && self.zcmp(&op, args, pool)
        {
            return;
        }
        let Some(opcode) = opcode.filter(|o| !o.zba || extensions & EXT_ZBA != 0) else {
            self.error = Some(format!("invalid RV32 instruction '{op}'"));
            return;
        };
        if args.len() != opcode.operands {
            self.error = Some(format!(
                "opcode '{op}': expecting {} arguments",
                opcode.operands
            ));
            return;
        }
        let mut values = [0u64; 3];
        if opcode.operands >= 1 {
            match self.serialise(opcode, &args[0], 0, pool) {
                Ok(v) => values[0] = v,
                Err(e) => return self.report(&op, 0, e, pool),
            }
        }
        if opcode.call == Call::RegOffsetBase {
            match self.serialise_offset_base(opcode, &args[1], 1, pool) {
                // The encoder takes rd, base, offset.
                Ok((offset, base)) => {
                    values[1] = base;
                    values[2] = offset;
                }
                Err((index, e)) => return self.report(&op, index, e, pool),
            }
        } else {
            for index in 1..opcode.operands.min(3) {
                match self.serialise(opcode, &args[index], index, pool) {
                    Ok(v) => values[index] = v,
                    Err(e) => return self.report(&op, index, e, pool),
                }
            }
        }
        (opcode.emit)(&mut self.asm, values[0], values[1], values[2]);
    }
}

impl InlineAsm for InlineRv32 {
    /// `emit_inline_rv32_start_pass`: no prologue.
    fn start_pass(&mut self, pass: Pass) {
        self.pass = pass;
        if pass == Pass::CodeSize {
            self.label_lookup.clear();
        }
        self.asm.base_mut().start_pass(if pass == Pass::Emit {
            AsmPass::Emit
        } else {
            AsmPass::Compute
        });
    }
    /// `emit_inline_rv32_end_pass`: `c.jr ra`.
    fn end_pass(&mut self) {
        self.asm.emit_halfword(enc::cjr(enc::RA.into()));
    }
    /// `emit_inline_rv32_count_params`.
    fn count_params(&mut self, params: &[Node], pool: &QstrPool) -> u16 {
        if params.len() > 4 {
            self.error = Some("can only have up to 4 parameters for RV32 assembly".into());
            return 0;
        }
        for (i, p) in params.iter().enumerate() {
            let ok = Self::parse_register(p, false, pool)
                .is_some_and(|r| r as usize == usize::from(enc::A0) + i);
            if !ok {
                self.error = Some("parameters must be registers in sequence a0 to a3".into());
                return 0;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let n = params.len() as u16;
        n
    }
    /// `emit_inline_rv32_label`: false when the label is defined twice.
    fn label(&mut self, label_num: u32, label_id: Qstr) -> bool {
        self.label_lookup
            .define(self.pass, self.asm.base_mut(), label_num, label_id)
    }
    fn base(&mut self) -> &mut AsmBase {
        self.asm.base_mut()
    }
    fn op(&mut self, op: Qstr, args: &[Node], pool: &QstrPool) {
        self.op_rv32(op, args, pool);
    }
    fn take_error(&mut self) -> Option<String> {
        self.error.take()
    }
    fn take_raise(&mut self) -> Option<(ErrorClass, String)> {
        self.raise.take()
    }
    fn take_code(&mut self) -> (Vec<u8>, Option<AsmError>) {
        let error = self.asm.base_mut().take_error();
        (self.asm.base_mut().take_code(), error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_masks_follow_the_reference() {
        // addi: 12-bit signed.
        assert!(is_in_signed_mask(0xFFF, 2047));
        assert!(!is_in_signed_mask(0xFFF, 2048));
        assert!(is_in_signed_mask(0xFFF, (-2048i64) as u64));
        assert!(!is_in_signed_mask(0xFFF, (-2049i64) as u64));
        // bits above 31 are never looked at
        assert!(is_in_signed_mask(0xFFF, (1u64 << 32) + 5));
        // branches: even, 13-bit signed
        assert!(is_in_signed_mask(0x1FFE, 4094));
        assert!(!is_in_signed_mask(0x1FFE, 3));
        assert!(!is_in_signed_mask(0x1FFE, (-8192i64) as u64));
        // c.lw's 0x7C is checked as signed: 60 fits, 64 does not, -4 does
        assert!(is_in_signed_mask(0x7C, 60));
        assert!(!is_in_signed_mask(0x7C, 64));
        assert!(is_in_signed_mask(0x7C, (-4i64) as u64));
        // a full mask takes anything
        assert!(is_in_signed_mask(0xFFFF_F000, 0x1234));
        assert!(is_in_unsigned_mask(0x3FC, 1020));
        assert!(!is_in_unsigned_mask(0x3FC, 1022));
        assert!(!is_in_unsigned_mask(0xFFF, 1 << 32));
    }

    #[test]
    fn table_names_are_unique() {
        let names: Vec<&str> = mnemonics().collect();
        let mut dedup = names.clone();
        dedup.sort_unstable();
        dedup.dedup();
        assert_eq!(dedup.len(), names.len());
        assert_eq!(OPCODES.len(), 85);
    }
}
