//! RISC-V RV32IMC assembler, with the optional Zba and Zcmp extensions (after py/asmrv32.[ch]).
//!
//! The encoders are small pure functions named after the reference's `asm_rv32_opcode_*`
//! (`asm_rv32_opcode_add` is [`add`], `asm_rv32_opcode_cadd` is [`cadd`], ...). Like the
//! reference's `RV32_ENCODE_TYPE_*` macros they mask every field to its width and never fail:
//! range checks belong to the caller. 32-bit instructions come back as `u32`, compressed ones as
//! `u16`; both are stored little endian.
//!
//! [`Rv32`] is the generic-interface assembler py/emitnative.c drives. Its state outlives a
//! function, as the reference's does: the set of callee-saved registers the prologue saves only
//! grows (a call through the function table adds `ra` and `s0`), so later functions in a module
//! save what earlier ones needed.

use super::{AsmBase, CompareOp, Label, NativeAsm, Reg};

/// `x0`: always zero.
pub const ZERO: Reg = 0;
/// `x1`: return address.
pub const RA: Reg = 1;
/// `x2`: stack pointer.
pub const SP: Reg = 2;
/// `x3`: global pointer.
pub const GP: Reg = 3;
/// `x4`: thread pointer.
pub const TP: Reg = 4;
/// `x5`.
pub const T0: Reg = 5;
/// `x6`.
pub const T1: Reg = 6;
/// `x7`.
pub const T2: Reg = 7;
/// `x8` (frame pointer).
pub const S0: Reg = 8;
/// `x9`.
pub const S1: Reg = 9;
/// `x10`.
pub const A0: Reg = 10;
/// `x11`.
pub const A1: Reg = 11;
/// `x12`.
pub const A2: Reg = 12;
/// `x13`.
pub const A3: Reg = 13;
/// `x14`.
pub const A4: Reg = 14;
/// `x15`.
pub const A5: Reg = 15;
/// `x16`.
pub const A6: Reg = 16;
/// `x17`.
pub const A7: Reg = 17;
/// `x18`.
pub const S2: Reg = 18;
/// `x19`.
pub const S3: Reg = 19;
/// `x20`.
pub const S4: Reg = 20;
/// `x21`.
pub const S5: Reg = 21;
/// `x22`.
pub const S6: Reg = 22;
/// `x23`.
pub const S7: Reg = 23;
/// `x24`.
pub const S8: Reg = 24;
/// `x25`.
pub const S9: Reg = 25;
/// `x26`.
pub const S10: Reg = 26;
/// `x27`.
pub const S11: Reg = 27;
/// `x28`.
pub const T3: Reg = 28;
/// `x29`.
pub const T4: Reg = 29;
/// `x30`.
pub const T5: Reg = 30;
/// `x31`.
pub const T6: Reg = 31;

/// `RV32_EXT_ZBA`: address generation (`sh1add`, `sh2add`, `sh3add`).
pub const EXT_ZBA: u8 = 1 << 0;
/// `RV32_EXT_ZCMP`: compressed push/pop (`cm.push`, `cm.popret`, ...).
pub const EXT_ZCMP: u8 = 1 << 1;
/// `RV32_EXT_ALL`: every extension `-march-flags` accepts.
pub const EXT_ALL: u8 = EXT_ZBA | EXT_ZCMP;

/// `RV32_IS_IN_C_REGISTER_WINDOW`: `x8`..`x15`, the registers compressed instructions address
/// with three bits.
#[must_use]
pub const fn is_in_c_register_window(reg: u32) -> bool {
    reg >= S0 as u32 && reg <= A5 as u32
}

/// `RV32_MAP_IN_C_REGISTER_WINDOW`: the three-bit number of a register in `x8`..`x15`.
#[must_use]
pub const fn map_in_c_register_window(reg: u32) -> u32 {
    reg.wrapping_sub(S0 as u32)
}

// Instruction formats (`RV32_ENCODE_TYPE_*`). Immediates are taken as the reference's `mp_int_t`
// bits; only the bits each format keeps matter.

/// B format (conditional branches; `imm` is the byte offset, bit 0 dropped).
#[must_use]
pub const fn type_b(op: u32, ft3: u32, rs1: u32, rs2: u32, imm: i32) -> u32 {
    let imm = imm as u32;
    (op & 0x7f)
        | ((ft3 & 0x07) << 12)
        | ((imm & 0x800) >> 4)
        | ((imm & 0x1e) << 7)
        | ((rs1 & 0x1f) << 15)
        | ((rs2 & 0x1f) << 20)
        | ((imm & 0x7e0) << 20)
        | ((imm & 0x1000) << 19)
}

/// CSR-immediate format (`csrr?i`).
#[must_use]
pub const fn type_csri(op: u32, ft3: u32, rd: u32, csr: u32, imm: i32) -> u32 {
    (op & 0x7f)
        | ((rd & 0x1f) << 7)
        | ((ft3 & 0x07) << 12)
        | ((csr & 0xfff) << 20)
        | (((imm as u32) & 0x1f) << 15)
}

/// I format (register-immediate, loads, `jalr`).
#[must_use]
pub const fn type_i(op: u32, ft3: u32, rd: u32, rs: u32, imm: i32) -> u32 {
    (op & 0x7f)
        | ((rd & 0x1f) << 7)
        | ((ft3 & 0x07) << 12)
        | ((rs & 0x1f) << 15)
        | (((imm as u32) & 0xfff) << 20)
}

/// J format (`jal`).
#[must_use]
pub const fn type_j(op: u32, rd: u32, imm: i32) -> u32 {
    let imm = imm as u32;
    (op & 0x7f)
        | ((rd & 0x1f) << 7)
        | (imm & 0xff000)
        | ((imm & 0x800) << 9)
        | ((imm & 0x7fe) << 20)
        | ((imm & 0x10_0000) << 11)
}

/// R format (register-register).
#[must_use]
pub const fn type_r(op: u32, ft3: u32, ft7: u32, rd: u32, rs1: u32, rs2: u32) -> u32 {
    (op & 0x7f)
        | ((rd & 0x1f) << 7)
        | ((ft3 & 0x07) << 12)
        | ((rs1 & 0x1f) << 15)
        | ((rs2 & 0x1f) << 20)
        | ((ft7 & 0x7f) << 25)
}

/// S format (stores).
#[must_use]
pub const fn type_s(op: u32, ft3: u32, rs1: u32, rs2: u32, imm: i32) -> u32 {
    let imm = imm as u32;
    (op & 0x7f)
        | ((imm & 0x1f) << 7)
        | ((ft3 & 0x07) << 12)
        | ((rs1 & 0x1f) << 15)
        | ((rs2 & 0x1f) << 20)
        | ((imm & 0xfe0) << 20)
}

/// U format (`lui`, `auipc`): `imm` is the value whose top 20 bits are loaded.
#[must_use]
pub const fn type_u(op: u32, rd: u32, imm: i32) -> u32 {
    (op & 0x7f) | ((rd & 0x1f) << 7) | ((imm as u32) & 0xffff_f000)
}

/// CA format (compressed arithmetic on `x8`..`x15`; registers are window numbers). Like the
/// reference's `RV32_ENCODE_TYPE_CA` it keeps only two bits of each register number, so window
/// registers 4..7 (`a2`..`a5`) come out as 0..3; reproduced on purpose (the `asm_rv32` inline
/// assembler's `c.and`/`c.or`/`c.xor`/`c.sub` depend on it).
#[must_use]
pub const fn type_ca(op: u32, ft6: u32, ft2: u32, rd: u32, rs: u32) -> u16 {
    ((op & 0x03)
        | ((ft6 & 0x3f) << 10)
        | ((ft2 & 0x03) << 5)
        | ((rd & 0x03) << 7)
        | ((rs & 0x03) << 2)) as u16
}

/// CB format (compressed branch / immediate arithmetic; `imm` already shuffled into its 8 bits).
#[must_use]
pub const fn type_cb(op: u32, ft3: u32, rs: u32, imm: i32) -> u16 {
    let imm = imm as u32;
    ((op & 0x03)
        | ((ft3 & 0x07) << 13)
        | ((rs & 0x07) << 7)
        | ((imm & 0xe0) << 5)
        | ((imm & 0x1f) << 2)) as u16
}

/// CI format (compressed immediate).
#[must_use]
pub const fn type_ci(op: u32, ft3: u32, rd: u32, imm: i32) -> u16 {
    let imm = imm as u32;
    ((op & 0x03)
        | ((ft3 & 0x07) << 13)
        | ((rd & 0x1f) << 7)
        | ((imm & 0x20) << 7)
        | ((imm & 0x1f) << 2)) as u16
}

/// CIW format (`c.addi4spn`).
#[must_use]
pub const fn type_ciw(op: u32, ft3: u32, rd: u32, imm: u32) -> u16 {
    ((op & 0x03)
        | ((ft3 & 0x07) << 13)
        | ((rd & 0x07) << 2)
        | ((imm & 0x3c0) << 1)
        | ((imm & 0x30) << 7)
        | ((imm & 0x08) << 2)
        | ((imm & 0x04) << 4)) as u16
}

/// CJ format (`c.j`, `c.jal`; `imm` is the byte offset).
#[must_use]
pub const fn type_cj(op: u32, ft3: u32, imm: i32) -> u16 {
    let imm = imm as u32;
    ((op & 0x03)
        | ((ft3 & 0x07) << 13)
        | ((imm & 0x0e) << 2)
        | ((imm & 0x300) << 1)
        | ((imm & 0x800) << 1)
        | ((imm & 0x400) >> 2)
        | ((imm & 0x80) >> 1)
        | ((imm & 0x40) << 1)
        | ((imm & 0x20) >> 3)
        | ((imm & 0x10) << 7)) as u16
}

/// CL format (`c.lw`; also `c.sw`, whose CS layout is the same).
#[must_use]
pub const fn type_cl(op: u32, ft3: u32, rd: u32, rs: u32, imm: i32) -> u16 {
    let imm = imm as u32;
    ((op & 0x03)
        | ((ft3 & 0x07) << 13)
        | ((rd & 0x07) << 2)
        | ((rs & 0x07) << 7)
        | ((imm & 0x40) >> 1)
        | ((imm & 0x38) << 7)
        | ((imm & 0x04) << 4)) as u16
}

/// CS format (same bit layout as [`type_cl`]).
#[must_use]
pub const fn type_cs(op: u32, ft3: u32, rd: u32, rs: u32, imm: i32) -> u16 {
    type_cl(op, ft3, rd, rs, imm)
}

/// CMPP format (Zcmp `cm.push`/`cm.pop*`): `rlist` 4..=15, `imm` the extra 16-byte stack chunks.
#[must_use]
pub const fn type_cmpp(op: u32, ft6: u32, ft2: u32, rlist: u32, imm: u32) -> u16 {
    ((op & 0x03)
        | ((ft6 & 0x3f) << 10)
        | ((ft2 & 0x03) << 8)
        | ((rlist & 0x0f) << 4)
        | ((imm & 0x03) << 2)) as u16
}

/// The three-bit `sreg` number of Zcmp's `cm.mv*` for `s0`..`s7` (`RV32_ENCODE_TYPE_CMMV`).
const fn cmmv_sreg(reg: u32) -> u32 {
    if reg >= S0 as u32 && reg <= S1 as u32 {
        reg - S0 as u32
    } else {
        reg.wrapping_sub(S2 as u32).wrapping_add(2)
    }
}

/// CMMV format (Zcmp `cm.mva01s`/`cm.mvsa01`; registers are `s0`..`s7` as machine numbers).
#[must_use]
pub const fn type_cmmv(op: u32, ft6: u32, ft2: u32, r1s: u32, r2s: u32) -> u16 {
    ((op & 0x03)
        | ((ft6 & 0x3f) << 10)
        | ((ft2 & 0x03) << 5)
        | ((cmmv_sreg(r1s) & 0x07) << 7)
        | ((cmmv_sreg(r2s) & 0x07) << 2)) as u16
}

/// CR format (compressed register-register).
#[must_use]
pub const fn type_cr(op: u32, ft4: u32, rs1: u32, rs2: u32) -> u16 {
    ((op & 0x03) | ((rs2 & 0x1f) << 2) | ((rs1 & 0x1f) << 7) | ((ft4 & 0x0f) << 12)) as u16
}

/// CSS format (`c.swsp`; `imm` already shuffled into its 6 bits).
#[must_use]
pub const fn type_css(op: u32, ft3: u32, rs: u32, imm: u32) -> u16 {
    ((op & 0x03) | ((ft3 & 0x07) << 13) | ((rs & 0x1f) << 2) | ((imm & 0x3f) << 7)) as u16
}

// Instructions (`asm_rv32_opcode_*`).

/// `add rd, rs1, rs2`.
#[must_use]
pub const fn add(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x00, 0x00, rd, rs1, rs2)
}

/// `addi rd, rs, imm`.
#[must_use]
pub const fn addi(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x00, rd, rs, imm)
}

/// `and rd, rs1, rs2`.
#[must_use]
pub const fn and(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x07, 0x00, rd, rs1, rs2)
}

/// `andi rd, rs, imm`.
#[must_use]
pub const fn andi(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x07, rd, rs, imm)
}

/// `auipc rd, offset` (the top 20 bits of `offset`).
#[must_use]
pub const fn auipc(rd: u32, offset: i32) -> u32 {
    type_u(0x17, rd, offset)
}

/// `beq rs1, rs2, offset`.
#[must_use]
pub const fn beq(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x00, rs1, rs2, offset)
}

/// `bge rs1, rs2, offset`.
#[must_use]
pub const fn bge(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x05, rs1, rs2, offset)
}

/// `bgeu rs1, rs2, offset`.
#[must_use]
pub const fn bgeu(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x07, rs1, rs2, offset)
}

/// `blt rs1, rs2, offset`.
#[must_use]
pub const fn blt(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x04, rs1, rs2, offset)
}

/// `bltu rs1, rs2, offset`.
#[must_use]
pub const fn bltu(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x06, rs1, rs2, offset)
}

/// `bne rs1, rs2, offset`.
#[must_use]
pub const fn bne(rs1: u32, rs2: u32, offset: i32) -> u32 {
    type_b(0x63, 0x01, rs1, rs2, offset)
}

/// `c.add rd, rs`.
#[must_use]
pub const fn cadd(rd: u32, rs: u32) -> u16 {
    type_cr(0x02, 0x09, rd, rs)
}

/// `c.addi rd, imm`.
#[must_use]
pub const fn caddi(rd: u32, imm: i32) -> u16 {
    type_ci(0x01, 0x00, rd, imm)
}

/// `c.addi4spn rd', imm` (`rd` is a window number, see [`map_in_c_register_window`]).
#[must_use]
pub const fn caddi4spn(rd: u32, imm: u32) -> u16 {
    type_ciw(0x00, 0x00, rd, imm)
}

/// `c.and rd', rs'` (window numbers).
#[must_use]
pub const fn cand(rd: u32, rs: u32) -> u16 {
    type_ca(0x01, 0x23, 0x03, rd, rs)
}

/// `c.andi rd', imm` (window number).
#[must_use]
pub const fn candi(rd: u32, imm: i32) -> u16 {
    type_cb(0x01, 0x04, rd, ((imm & 0x20) << 2) | (imm & 0x1f) | 0x40)
}

/// The offset bits of `c.beqz`/`c.bnez` in [`type_cb`]'s immediate order.
const fn cb_branch_offset(offset: i32) -> i32 {
    ((offset & 0x100) >> 1)
        | ((offset & 0xc0) >> 3)
        | ((offset & 0x20) >> 5)
        | ((offset & 0x18) << 2)
        | (offset & 0x06)
}

/// `c.beqz rs', offset` (window number).
#[must_use]
pub const fn cbeqz(rs: u32, offset: i32) -> u16 {
    type_cb(0x01, 0x06, rs, cb_branch_offset(offset))
}

/// `c.bnez rs', offset` (window number).
#[must_use]
pub const fn cbnez(rs: u32, offset: i32) -> u16 {
    type_cb(0x01, 0x07, rs, cb_branch_offset(offset))
}

/// `c.ebreak`.
#[must_use]
pub const fn cebreak() -> u16 {
    0x9002
}

/// `c.j offset`.
#[must_use]
pub const fn cj(offset: i32) -> u16 {
    type_cj(0x01, 0x05, offset)
}

/// `c.jal offset`.
#[must_use]
pub const fn cjal(offset: i32) -> u16 {
    type_cj(0x01, 0x01, offset)
}

/// `c.jalr rs`.
#[must_use]
pub const fn cjalr(rs: u32) -> u16 {
    type_cr(0x02, 0x09, rs, 0)
}

/// `c.jr rs`.
#[must_use]
pub const fn cjr(rs: u32) -> u16 {
    type_cr(0x02, 0x08, rs, 0)
}

/// `c.li rd, imm`.
#[must_use]
pub const fn cli(rd: u32, imm: i32) -> u16 {
    type_ci(0x01, 0x02, rd, imm)
}

/// `c.lui rd, imm` (`imm` is the value: its bits 12..18 are encoded).
#[must_use]
pub const fn clui(rd: u32, imm: i32) -> u16 {
    type_ci(0x01, 0x03, rd, imm >> 12)
}

/// `c.lw rd', offset(rs')` (window numbers).
#[must_use]
pub const fn clw(rd: u32, rs: u32, offset: i32) -> u16 {
    type_cl(0x00, 0x02, rd, rs, offset)
}

/// The offset bits of `c.lwsp`/`c.swsp`.
const fn sp_word_offset(offset: u32) -> u32 {
    ((offset & 0xc0) >> 6) | (offset & 0x3c)
}

/// `c.lwsp rd, offset(sp)`.
#[must_use]
pub const fn clwsp(rd: u32, offset: u32) -> u16 {
    type_ci(0x02, 0x02, rd, sp_word_offset(offset) as i32)
}

/// `c.mv rd, rs`.
#[must_use]
pub const fn cmv(rd: u32, rs: u32) -> u16 {
    type_cr(0x02, 0x08, rd, rs)
}

/// `c.nop`.
#[must_use]
pub const fn cnop() -> u16 {
    0x0001
}

/// `c.or rd', rs'` (window numbers).
#[must_use]
pub const fn cor(rd: u32, rs: u32) -> u16 {
    type_ca(0x01, 0x23, 0x02, rd, rs)
}

/// `c.slli rd, imm`.
#[must_use]
pub const fn cslli(rd: u32, imm: i32) -> u16 {
    type_ci(0x02, 0x00, rd, imm)
}

/// `c.srai rd', imm` (window number).
#[must_use]
pub const fn csrai(rd: u32, imm: i32) -> u16 {
    type_cb(0x01, 0x04, rd, ((imm & 0x20) << 2) | (imm & 0x1f) | 0x20)
}

/// `c.srli rd', imm` (window number).
#[must_use]
pub const fn csrli(rd: u32, imm: i32) -> u16 {
    type_cb(0x01, 0x04, rd, ((imm & 0x20) << 2) | (imm & 0x1f))
}

/// `c.sub rd', rs'` (window numbers).
#[must_use]
pub const fn csub(rd: u32, rs: u32) -> u16 {
    type_ca(0x01, 0x23, 0x00, rd, rs)
}

/// `c.sw rs1', offset(rs2')`: stores `rs1` at `rs2 + offset` (window numbers, the reference's
/// argument order).
#[must_use]
pub const fn csw(rs1: u32, rs2: u32, offset: i32) -> u16 {
    type_cl(0x00, 0x06, rs1, rs2, offset)
}

/// `c.swsp rs, offset(sp)`.
#[must_use]
pub const fn cswsp(rs: u32, offset: u32) -> u16 {
    type_css(0x02, 0x06, rs, sp_word_offset(offset))
}

/// `c.xor rd', rs'` (window numbers).
#[must_use]
pub const fn cxor(rd: u32, rs: u32) -> u16 {
    type_ca(0x01, 0x23, 0x01, rd, rs)
}

/// `cm.mva01s r1s, r2s` (Zcmp; `s0`..`s7` as machine register numbers).
#[must_use]
pub const fn cmmva01s(r1s: u32, r2s: u32) -> u16 {
    type_cmmv(0x02, 0x2b, 0x03, r1s, r2s)
}

/// `cm.mvsa01 r1s, r2s` (Zcmp).
#[must_use]
pub const fn cmmvsa01(r1s: u32, r2s: u32) -> u16 {
    type_cmmv(0x02, 0x2b, 0x01, r1s, r2s)
}

/// `cm.pop {reg_list}, imm` (Zcmp).
#[must_use]
pub const fn cmpop(reg_list: u32, imm: u32) -> u16 {
    type_cmpp(0x02, 0x2e, 0x02, reg_list, imm)
}

/// `cm.popret {reg_list}, imm` (Zcmp).
#[must_use]
pub const fn cmpopret(reg_list: u32, imm: u32) -> u16 {
    type_cmpp(0x02, 0x2f, 0x02, reg_list, imm)
}

/// `cm.popretz {reg_list}, imm` (Zcmp).
#[must_use]
pub const fn cmpopretz(reg_list: u32, imm: u32) -> u16 {
    type_cmpp(0x02, 0x2f, 0x00, reg_list, imm)
}

/// `cm.push {reg_list}, -imm` (Zcmp).
#[must_use]
pub const fn cmpush(reg_list: u32, imm: u32) -> u16 {
    type_cmpp(0x02, 0x2e, 0x00, reg_list, imm)
}

/// `csrrc rd, csr, rs` in the reference's argument order (`imm` is the CSR number).
#[must_use]
pub const fn csrrc(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x73, 0x03, rd, rs, imm)
}

/// `csrrs rd, csr, rs` (`imm` is the CSR number).
#[must_use]
pub const fn csrrs(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x73, 0x02, rd, rs, imm)
}

/// `csrrw rd, csr, rs` (`imm` is the CSR number).
#[must_use]
pub const fn csrrw(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x73, 0x01, rd, rs, imm)
}

/// `csrrci rd, csr, imm`.
#[must_use]
pub const fn csrrci(rd: u32, csr: u32, imm: i32) -> u32 {
    type_csri(0x73, 0x07, rd, csr, imm)
}

/// `csrrsi rd, csr, imm`.
#[must_use]
pub const fn csrrsi(rd: u32, csr: u32, imm: i32) -> u32 {
    type_csri(0x73, 0x06, rd, csr, imm)
}

/// `csrrwi rd, csr, imm`.
#[must_use]
pub const fn csrrwi(rd: u32, csr: u32, imm: i32) -> u32 {
    type_csri(0x73, 0x05, rd, csr, imm)
}

/// `div rd, rs1, rs2`.
#[must_use]
pub const fn div(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x04, 0x01, rd, rs1, rs2)
}

/// `divu rd, rs1, rs2`.
#[must_use]
pub const fn divu(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x05, 0x01, rd, rs1, rs2)
}

/// `ebreak`.
#[must_use]
pub const fn ebreak() -> u32 {
    0x0010_0073
}

/// `ecall`.
#[must_use]
pub const fn ecall() -> u32 {
    0x73
}

/// `jal rd, offset`.
#[must_use]
pub const fn jal(rd: u32, offset: i32) -> u32 {
    type_j(0x6f, rd, offset)
}

/// `jalr rd, offset(rs)`.
#[must_use]
pub const fn jalr(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x67, 0x00, rd, rs, offset)
}

/// `lb rd, offset(rs)`.
#[must_use]
pub const fn lb(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x03, 0x00, rd, rs, offset)
}

/// `lbu rd, offset(rs)`.
#[must_use]
pub const fn lbu(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x03, 0x04, rd, rs, offset)
}

/// `lh rd, offset(rs)`.
#[must_use]
pub const fn lh(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x03, 0x01, rd, rs, offset)
}

/// `lhu rd, offset(rs)`.
#[must_use]
pub const fn lhu(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x03, 0x05, rd, rs, offset)
}

/// `lui rd, imm` (the top 20 bits of `imm`).
#[must_use]
pub const fn lui(rd: u32, imm: i32) -> u32 {
    type_u(0x37, rd, imm)
}

/// `lw rd, offset(rs)`.
#[must_use]
pub const fn lw(rd: u32, rs: u32, offset: i32) -> u32 {
    type_i(0x03, 0x02, rd, rs, offset)
}

/// `mul rd, rs1, rs2`.
#[must_use]
pub const fn mul(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x00, 0x01, rd, rs1, rs2)
}

/// `mulh rd, rs1, rs2`.
#[must_use]
pub const fn mulh(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x01, 0x01, rd, rs1, rs2)
}

/// `mulhsu rd, rs1, rs2`.
#[must_use]
pub const fn mulhsu(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x02, 0x01, rd, rs1, rs2)
}

/// `mulhu rd, rs1, rs2`.
#[must_use]
pub const fn mulhu(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x03, 0x01, rd, rs1, rs2)
}

/// `or rd, rs1, rs2`.
#[must_use]
pub const fn or(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x06, 0x00, rd, rs1, rs2)
}

/// `ori rd, rs, imm`.
#[must_use]
pub const fn ori(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x06, rd, rs, imm)
}

/// `rem rd, rs1, rs2`.
#[must_use]
pub const fn rem(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x06, 0x01, rd, rs1, rs2)
}

/// `remu rd, rs1, rs2`.
#[must_use]
pub const fn remu(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x07, 0x01, rd, rs1, rs2)
}

/// `sh1add rd, rs1, rs2` (Zba: `rd = (rs1 << 1) + rs2`).
#[must_use]
pub const fn sh1add(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x02, 0x10, rd, rs1, rs2)
}

/// `sh2add rd, rs1, rs2` (Zba).
#[must_use]
pub const fn sh2add(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x04, 0x10, rd, rs1, rs2)
}

/// `sh3add rd, rs1, rs2` (Zba).
#[must_use]
pub const fn sh3add(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x06, 0x10, rd, rs1, rs2)
}

/// `sll rd, rs1, rs2`.
#[must_use]
pub const fn sll(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x01, 0x00, rd, rs1, rs2)
}

/// `slli rd, rs, imm` (`imm` masked to 5 bits).
#[must_use]
pub const fn slli(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x01, rd, rs, imm & 0x1f)
}

/// `slt rd, rs1, rs2`.
#[must_use]
pub const fn slt(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x02, 0x00, rd, rs1, rs2)
}

/// `slti rd, rs, imm`.
#[must_use]
pub const fn slti(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x02, rd, rs, imm)
}

/// `sltiu rd, rs, imm`.
#[must_use]
pub const fn sltiu(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x03, rd, rs, imm)
}

/// `sltu rd, rs1, rs2`.
#[must_use]
pub const fn sltu(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x03, 0x00, rd, rs1, rs2)
}

/// `sra rd, rs1, rs2`.
#[must_use]
pub const fn sra(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x05, 0x20, rd, rs1, rs2)
}

/// `srai rd, rs, imm` (`imm` masked to 5 bits).
#[must_use]
pub const fn srai(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x05, rd, rs, (imm & 0x1f) | 0x400)
}

/// `srl rd, rs1, rs2`.
#[must_use]
pub const fn srl(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x05, 0x00, rd, rs1, rs2)
}

/// `srli rd, rs, imm` (`imm` masked to 5 bits).
#[must_use]
pub const fn srli(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x05, rd, rs, imm & 0x1f)
}

/// `sub rd, rs1, rs2`.
#[must_use]
pub const fn sub(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x00, 0x20, rd, rs1, rs2)
}

/// `sb rs2, offset(rs1)`.
#[must_use]
pub const fn sb(rs2: u32, rs1: u32, offset: i32) -> u32 {
    type_s(0x23, 0x00, rs1, rs2, offset)
}

/// `sh rs2, offset(rs1)`.
#[must_use]
pub const fn sh(rs2: u32, rs1: u32, offset: i32) -> u32 {
    type_s(0x23, 0x01, rs1, rs2, offset)
}

/// `sw rs2, offset(rs1)`.
#[must_use]
pub const fn sw(rs2: u32, rs1: u32, offset: i32) -> u32 {
    type_s(0x23, 0x02, rs1, rs2, offset)
}

/// `xor rd, rs1, rs2`.
#[must_use]
pub const fn xor(rd: u32, rs1: u32, rs2: u32) -> u32 {
    type_r(0x33, 0x04, 0x00, rd, rs1, rs2)
}

/// `xori rd, rs, imm`.
#[must_use]
pub const fn xori(rd: u32, rs: u32, imm: i32) -> u32 {
    type_i(0x13, 0x04, rd, rs, imm)
}

/// `lbu`/`lhu`/`lw rd, offset(rs)` by `operation_size` 0/1/2 (`RV32_LOAD_OPCODE_FT3`).
#[must_use]
pub const fn load_sized(operation_size: u32, rd: u32, rs: u32, offset: i32) -> u32 {
    let ft3 = (0x0254 >> ((operation_size & 3) << 2)) & 0x0f;
    type_i(0x03, ft3, rd, rs, offset)
}

/// `sb`/`sh`/`sw rs2, offset(rs1)` by `operation_size` 0/1/2.
#[must_use]
pub const fn store_sized(operation_size: u32, rs2: u32, rs1: u32, offset: i32) -> u32 {
    type_s(0x23, operation_size, rs1, rs2, offset)
}

// The reference's range checks, reproduced with its integer widths: the masks are 32-bit
// `unsigned` constants widened to the 64-bit operand, so only the low 32 bits of a value count.

/// `FIT_SIGNED(value, bits)` of py/asmrv32.c on a 64-bit `mp_int_t`/`mp_uint_t`.
#[must_use]
pub const fn fit_signed(value: i64, bits: u32) -> bool {
    let mask = (!((1u32 << (bits - 1)) - 1)) as u64;
    let masked = value as u64 & mask;
    masked == 0 || masked == mask
}

/// `FIT_UNSIGNED(value, bits)` of py/asmrv32.c on a 64-bit value.
#[must_use]
pub const fn fit_unsigned(value: u64, bits: u32) -> bool {
    value & (!((1u32 << bits) - 1)) as u64 == 0
}

/// `MP_FIT_UNSIGNED(bits, value)` on an `int32_t`.
const fn fit_unsigned_32(bits: u32, value: i32) -> bool {
    (value as u32) & (!0u32 << bits) == 0
}

/// `MP_FIT_SIGNED(bits, value)` on an `int32_t`.
const fn fit_signed_32(bits: u32, value: i32) -> bool {
    let mask = !0u32 << (bits - 1);
    fit_unsigned_32(bits - 1, value) || (value as u32) & mask == mask
}

/// `split_immediate`: the `lui`/`auipc` part (bits 12.. of the 64-bit value, rounded so the
/// sign-extended low part adds up) and the low 12 bits.
#[must_use]
pub const fn split_immediate(immediate: i64) -> (u64, u64) {
    let unsigned = immediate as u64;
    let mut upper = unsigned & 0xffff_f000;
    let lower = unsigned & 0x0000_0fff;
    if lower & 0x800 != 0 {
        upper += 0x1000;
    }
    (upper, lower)
}

/// `REG_TEMP0` (scratch for big stack adjustments).
const REG_TEMP0: Reg = A4;
/// `REG_TEMP2` (scratch for long jumps, calls and addresses).
const REG_TEMP2: Reg = A6;
/// `REG_FUN_TABLE`.
const REG_FUN_TABLE: Reg = S1;
/// `INTERNAL_TEMPORARY`: holds the function pointer of a short `call_ind`.
const INTERNAL_TEMPORARY: Reg = S0;

/// The RV32 assembler (`asm_rv32_t`) with the extensions `-march-flags` allows.
#[derive(Clone, Debug)]
pub struct Rv32 {
    base: AsmBase,
    extensions: u8,
    saved_registers_mask: u32,
    locals_count: u32,
    stack_size: u32,
    locals_stack_offset: u32,
}

impl Rv32 {
    /// An assembler with room for `max_num_labels` labels, allowing the extensions in
    /// `extensions` (a set of [`EXT_ZBA`], [`EXT_ZCMP`]).
    #[must_use]
    pub fn new(max_num_labels: usize, extensions: u8) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
            extensions,
            saved_registers_mask: 0,
            locals_count: 0,
            stack_size: 0,
            locals_stack_offset: 0,
        }
    }

    /// The extensions this assembler may use.
    #[must_use]
    pub fn extensions(&self) -> u8 {
        self.extensions
    }

    fn allow_zba(&self) -> bool {
        self.extensions & EXT_ZBA != 0
    }

    fn allow_zcmp(&self) -> bool {
        self.extensions & EXT_ZCMP != 0
    }

    /// Write a 32-bit instruction (`asm_rv32_emit_word_opcode`).
    pub fn emit_word(&mut self, word: u32) {
        self.base.write(&word.to_le_bytes());
    }

    /// Write a 16-bit instruction (`asm_rv32_emit_halfword_opcode`).
    pub fn emit_halfword(&mut self, half: u16) {
        self.base.write(&half.to_le_bytes());
    }

    /// `load_upper_immediate`: `c.lui` when the value fits 17 signed bits and is not zero above
    /// bit 11, else `lui`.
    fn load_upper_immediate(&mut self, rd: Reg, immediate: u64) {
        if fit_signed(immediate as i64, 17) && (immediate >> 12) != 0 {
            self.emit_halfword(clui(rd.into(), immediate as i32));
        } else {
            self.emit_word(lui(rd.into(), immediate as i32));
        }
    }

    /// `load_lower_immediate`: add the low 12 bits to a register just loaded by `lui`/`auipc`.
    fn load_lower_immediate(&mut self, rd: Reg, immediate: u64) {
        if immediate == 0 {
            return;
        }
        if fit_signed(immediate as i64, 6) {
            self.emit_halfword(caddi(rd.into(), immediate as i32));
        } else {
            self.emit_word(addi(rd.into(), rd.into(), immediate as i32));
        }
    }

    /// `load_full_immediate`: `lui`/`c.lui` then `addi`/`c.addi`.
    fn load_full_immediate(&mut self, rd: Reg, immediate: i64) {
        let (upper, lower) = split_immediate(immediate);
        self.load_upper_immediate(rd, upper);
        self.load_lower_immediate(rd, lower);
    }

    /// Load an immediate with the shortest sequence (`asm_rv32_emit_optimised_load_immediate`).
    pub fn optimised_load_immediate(&mut self, rd: Reg, immediate: i64) {
        if fit_signed(immediate, 6) {
            self.emit_halfword(cli(rd.into(), immediate as i32));
        } else if fit_signed(immediate, 12) {
            self.emit_word(addi(rd.into(), ZERO.into(), immediate as i32));
        } else {
            self.load_full_immediate(rd, immediate);
        }
    }

    fn emit_registers_store(&mut self, registers_mask: u32) {
        let mut offset = 0u32;
        for register in 0..32u32 {
            if registers_mask & (1 << register) != 0 {
                self.emit_halfword(cswsp(register, offset));
                offset += 4;
            }
        }
    }

    fn emit_registers_load(&mut self, registers_mask: u32) {
        let mut offset = 0u32;
        for register in 0..32u32 {
            if registers_mask & (1 << register) != 0 {
                self.emit_halfword(clwsp(register, offset));
                offset += 4;
            }
        }
    }

    /// `adjust_stack`: move `sp` by `stack_size` bytes.
    fn adjust_stack(&mut self, stack_size: i64) {
        if stack_size == 0 {
            return;
        }
        if fit_signed(stack_size, 6) {
            self.emit_halfword(caddi(SP.into(), stack_size as i32));
        } else if fit_signed(stack_size, 12) {
            self.emit_word(addi(SP.into(), SP.into(), stack_size as i32));
        } else {
            self.load_full_immediate(REG_TEMP0, stack_size);
            self.emit_halfword(cadd(SP.into(), REG_TEMP0.into()));
        }
    }

    fn emit_function_prologue(&mut self, registers: u32) {
        let registers_count = registers.count_ones();
        self.stack_size = (registers_count + self.locals_count).wrapping_mul(4);
        self.adjust_stack(-i64::from(self.stack_size));
        self.emit_registers_store(registers);
        self.locals_stack_offset = registers_count * 4;
    }

    fn emit_function_epilogue(&mut self, registers: u32) {
        self.emit_registers_load(registers);
        self.adjust_stack(i64::from(self.stack_size));
    }

    /// `compute_zcmp_sequence_length`: how many of `ra`, `s0`..`s11` a `cm.push` must cover.
    fn zcmp_sequence_length(registers: u32) -> u32 {
        let packed = ((registers & 0x2) >> 1)
            | ((registers & 0x300) >> 7)
            | ((registers & 0x0ffc_0000) >> 15);
        let length = 32 - packed.leading_zeros();
        if length == 12 {
            13
        } else {
            length
        }
    }

    fn emit_compressed_function_prologue(&mut self, registers_mask: u32) {
        let sequence_length = Self::zcmp_sequence_length(registers_mask);
        let allocated_stack = (sequence_length + 3) & !3;
        let tail_slack = allocated_stack - sequence_length;
        let mut locals_left = self.locals_count.saturating_sub(tail_slack);
        let adjustment_chunks = (locals_left / 4).min(3);
        locals_left -= adjustment_chunks * 4;
        let stack_size = locals_left.wrapping_mul(4);
        self.emit_halfword(cmpush((3 + sequence_length).min(15), adjustment_chunks));
        self.adjust_stack(-i64::from(stack_size));
        self.stack_size = stack_size | adjustment_chunks;
    }

    fn emit_compressed_function_epilogue(&mut self, registers_mask: u32) {
        let sequence_length = Self::zcmp_sequence_length(registers_mask);
        let stack_size = self.stack_size & !3;
        self.adjust_stack(i64::from(stack_size));
        self.emit_halfword(cmpopret((3 + sequence_length).min(15), self.stack_size & 3));
    }

    /// `calculate_displacement_for_label`: the distance to `label` and whether it is a known
    /// backward target (only those may take a short form).
    fn displacement_for_label(&self, label: Label) -> (i64, bool) {
        let dest = self.base.label_dest(label);
        let displacement = dest - self.base.pos();
        (displacement, dest != -1 && displacement < 0)
    }

    /// `auipc a6, HI(displacement); jalr zero, LO(displacement)(a6)`.
    fn long_jump(&mut self, displacement: i64) {
        let (upper, lower) = split_immediate(displacement);
        self.emit_word(auipc(REG_TEMP2.into(), upper as i32));
        self.emit_word(jalr(ZERO.into(), REG_TEMP2.into(), lower as i32));
    }

    /// The function prologue (`asm_rv32_entry`).
    pub fn entry_rv32(&mut self, locals: u32) {
        self.locals_count = locals;
        self.saved_registers_mask |= (1 << REG_FUN_TABLE)
            | (1 << Self::REG_LOCAL_1)
            | (1 << Self::REG_LOCAL_2)
            | (1 << Self::REG_LOCAL_3);
        if self.allow_zcmp() {
            self.emit_compressed_function_prologue(self.saved_registers_mask);
        } else {
            self.emit_function_prologue(self.saved_registers_mask);
        }
    }

    /// The function epilogue and return (`asm_rv32_exit`).
    pub fn exit_rv32(&mut self) {
        if self.allow_zcmp() {
            self.emit_compressed_function_epilogue(self.saved_registers_mask);
        } else {
            self.emit_function_epilogue(self.saved_registers_mask);
            self.emit_halfword(cjr(RA.into()));
        }
    }

    /// Call `mp_fun_table[index]` (`asm_rv32_emit_call_ind`).
    pub fn call_ind_rv32(&mut self, index: u32) {
        let offset = index.wrapping_mul(4);
        self.saved_registers_mask |= 1 << RA;
        if fit_unsigned(offset.into(), 6) {
            self.saved_registers_mask |= 1 << INTERNAL_TEMPORARY;
            self.emit_halfword(clw(
                map_in_c_register_window(INTERNAL_TEMPORARY.into()),
                map_in_c_register_window(REG_FUN_TABLE.into()),
                offset as i32,
            ));
            self.emit_halfword(cjalr(INTERNAL_TEMPORARY.into()));
            return;
        }
        if fit_unsigned(offset.into(), 11) {
            self.emit_word(lw(REG_TEMP2.into(), REG_FUN_TABLE.into(), offset as i32));
            self.emit_halfword(cjalr(REG_TEMP2.into()));
            return;
        }
        let (upper, lower) = split_immediate(offset.into());
        self.load_upper_immediate(REG_TEMP2, upper);
        self.emit_halfword(cadd(REG_TEMP2.into(), REG_FUN_TABLE.into()));
        self.emit_word(lw(REG_TEMP2.into(), REG_TEMP2.into(), lower as i32));
        self.emit_halfword(cjalr(REG_TEMP2.into()));
    }

    /// Branch to `label` when `rs1 == rs2` (`asm_rv32_emit_jump_if_reg_eq`).
    pub fn jump_if_reg_eq_rv32(&mut self, rs1: Reg, rs2: Reg, label: Label) {
        let (mut displacement, can_short) = self.displacement_for_label(label);
        if can_short && fit_signed(displacement, 13) {
            self.emit_word(beq(rs1.into(), rs2.into(), displacement as i32));
            return;
        }
        displacement -= 4;
        self.emit_word(bne(rs1.into(), rs2.into(), 12));
        self.long_jump(displacement);
    }

    /// Branch to `label` when `rs != 0` (`asm_rv32_emit_jump_if_reg_nonzero`).
    pub fn jump_if_reg_nonzero_rv32(&mut self, rs: Reg, label: Label) {
        let (mut displacement, can_short) = self.displacement_for_label(label);
        let in_window = is_in_c_register_window(rs.into());
        if can_short && fit_signed(displacement, 8) && in_window {
            self.emit_halfword(cbnez(
                map_in_c_register_window(rs.into()),
                displacement as i32,
            ));
            return;
        }
        if can_short && fit_signed(displacement, 13) {
            self.emit_word(bne(rs.into(), ZERO.into(), displacement as i32));
            return;
        }
        if can_short && in_window {
            self.emit_halfword(cbeqz(map_in_c_register_window(rs.into()), 10));
            displacement -= 2;
        } else {
            self.emit_word(beq(rs.into(), ZERO.into(), 12));
            displacement -= 4;
        }
        self.long_jump(displacement);
    }

    /// Jump to `label` (`asm_rv32_emit_jump`).
    pub fn jump_rv32(&mut self, label: Label) {
        let (displacement, can_short) = self.displacement_for_label(label);
        if can_short && fit_signed(displacement, 12) {
            self.emit_halfword(cj(displacement as i32));
            return;
        }
        self.long_jump(displacement);
    }

    fn local_offset(&self, local: u32) -> u32 {
        self.locals_stack_offset.wrapping_add(local.wrapping_mul(4))
    }

    /// Store `rs` into stack local `local` (`asm_rv32_emit_mov_local_reg`).
    pub fn mov_local_reg_rv32(&mut self, local: u32, rs: Reg) {
        let offset = self.local_offset(local);
        if fit_unsigned(u64::from(offset >> 2), 6) {
            self.emit_halfword(cswsp(rs.into(), offset));
        } else if fit_unsigned(offset.into(), 11) {
            self.emit_word(sw(rs.into(), SP.into(), offset as i32));
        } else {
            let (upper, lower) = split_immediate(offset.into());
            self.load_upper_immediate(REG_TEMP2, upper);
            self.emit_halfword(cadd(REG_TEMP2.into(), SP.into()));
            self.emit_word(sw(rs.into(), REG_TEMP2.into(), lower as i32));
        }
    }

    /// Load stack local `local` into `rd` (`asm_rv32_emit_mov_reg_local`).
    pub fn mov_reg_local_rv32(&mut self, rd: Reg, local: u32) {
        let offset = self.local_offset(local);
        if fit_unsigned(u64::from(offset >> 2), 6) {
            self.emit_halfword(clwsp(rd.into(), offset));
        } else if fit_unsigned(offset.into(), 11) {
            self.emit_word(lw(rd.into(), SP.into(), offset as i32));
        } else {
            let (upper, lower) = split_immediate(offset.into());
            self.load_upper_immediate(rd, upper);
            self.emit_halfword(cadd(rd.into(), SP.into()));
            self.emit_word(lw(rd.into(), rd.into(), lower as i32));
        }
    }

    /// The address of stack local `local` into `rd` (`asm_rv32_emit_mov_reg_local_addr`).
    pub fn mov_reg_local_addr_rv32(&mut self, rd: Reg, local: u32) {
        let offset = self.local_offset(local);
        if fit_unsigned(offset.into(), 10) && offset != 0 && is_in_c_register_window(rd.into()) {
            self.emit_halfword(caddi4spn(map_in_c_register_window(rd.into()), offset));
        } else if fit_unsigned(offset.into(), 11) {
            self.emit_word(addi(rd.into(), SP.into(), offset as i32));
        } else {
            self.load_full_immediate(rd, offset.into());
            self.emit_halfword(cadd(rd.into(), SP.into()));
        }
    }

    /// Load `1 << operation_size` bytes from `rs + (offset << operation_size)`
    /// (`asm_rv32_emit_load_reg_reg_offset`).
    pub fn load_reg_reg_offset_rv32(&mut self, rd: Reg, rs: Reg, offset: i32, operation_size: u32) {
        let scaled = offset.wrapping_shl(operation_size);
        let (rd32, rs32) = (u32::from(rd), u32::from(rs));
        if scaled >= 0
            && operation_size == 2
            && is_in_c_register_window(rd32)
            && is_in_c_register_window(rs32)
            && fit_unsigned_32(6, scaled)
        {
            self.emit_halfword(clw(
                map_in_c_register_window(rd32),
                map_in_c_register_window(rs32),
                scaled,
            ));
        } else if fit_signed_32(12, scaled) {
            self.emit_word(load_sized(operation_size, rd32, rs32, scaled));
        } else {
            let (upper, lower) = split_immediate(scaled.into());
            self.load_upper_immediate(rd, upper);
            self.emit_halfword(cadd(rd32, rs32));
            self.emit_word(load_sized(operation_size, rd32, rd32, lower as i32));
        }
    }

    /// Store `1 << operation_size` bytes of `rd` to `rs + (offset << operation_size)`
    /// (`asm_rv32_emit_store_reg_reg_offset`).
    pub fn store_reg_reg_offset_rv32(
        &mut self,
        rd: Reg,
        rs: Reg,
        offset: i32,
        operation_size: u32,
    ) {
        let scaled = offset.wrapping_shl(operation_size);
        let (rd32, rs32) = (u32::from(rd), u32::from(rs));
        if scaled >= 0
            && operation_size == 2
            && is_in_c_register_window(rd32)
            && is_in_c_register_window(rs32)
            && fit_unsigned_32(6, scaled)
        {
            self.emit_halfword(csw(
                map_in_c_register_window(rd32),
                map_in_c_register_window(rs32),
                scaled,
            ));
        } else if fit_signed_32(12, scaled) {
            self.emit_word(store_sized(operation_size, rd32, rs32, scaled));
        } else {
            let (upper, lower) = split_immediate(scaled.into());
            self.load_upper_immediate(REG_TEMP2, upper);
            self.emit_halfword(cadd(REG_TEMP2.into(), rs32));
            self.emit_word(store_sized(
                operation_size,
                rd32,
                REG_TEMP2.into(),
                lower as i32,
            ));
        }
    }

    /// The absolute address of `label` into `rd` (`asm_rv32_emit_mov_reg_pcrel`).
    pub fn mov_reg_pcrel_rv32(&mut self, rd: Reg, label: Label) {
        let displacement = self.base.label_dest(label) - self.base.pos();
        let (upper, lower) = split_immediate(displacement);
        self.emit_word(auipc(rd.into(), upper as i32));
        self.emit_word(addi(rd.into(), rd.into(), lower as i32));
    }

    /// `rd ^= rs`, or `c.li rd, 0` when they are the same (`asm_rv32_emit_optimised_xor`).
    pub fn optimised_xor(&mut self, rd: Reg, rs: Reg) {
        if rs == rd {
            self.emit_halfword(cli(rd.into(), 0));
        } else {
            self.emit_word(xor(rd.into(), rd.into(), rs.into()));
        }
    }

    /// `a6 = rs1 + (rs2 << operation_size)` (`asm_rv32_fix_up_scaled_reg_reg_reg`).
    fn fix_up_scaled_reg_reg_reg(&mut self, rs1: Reg, rs2: Reg, operation_size: u32) {
        if operation_size > 0 && self.allow_zba() {
            self.emit_word(type_r(
                0x33,
                1 << operation_size,
                0x10,
                REG_TEMP2.into(),
                rs2.into(),
                rs1.into(),
            ));
        } else if operation_size > 0 {
            self.emit_word(slli(REG_TEMP2.into(), rs2.into(), operation_size as i32));
            self.emit_halfword(cadd(REG_TEMP2.into(), rs1.into()));
        } else {
            self.emit_word(add(REG_TEMP2.into(), rs1.into(), rs2.into()));
        }
    }

    /// `rd = rs1[rs2]` (`asm_rv32_emit_load_reg_reg_reg`; clobbers a6).
    pub fn load_reg_reg_reg_rv32(&mut self, rd: Reg, rs1: Reg, rs2: Reg, operation_size: u32) {
        self.fix_up_scaled_reg_reg_reg(rs1, rs2, operation_size);
        self.load_reg_reg_offset_rv32(rd, REG_TEMP2, 0, operation_size);
    }

    /// `rs1[rs2] = rd` (`asm_rv32_emit_store_reg_reg_reg`; clobbers a6).
    pub fn store_reg_reg_reg_rv32(&mut self, rd: Reg, rs1: Reg, rs2: Reg, operation_size: u32) {
        self.fix_up_scaled_reg_reg_reg(rs1, rs2, operation_size);
        self.store_reg_reg_offset_rv32(rd, REG_TEMP2, 0, operation_size);
    }

    /// `rd = (rs1 == rs2)` (`asm_rv32_meta_comparison_eq`).
    pub fn meta_comparison_eq(&mut self, rs1: Reg, rs2: Reg, rd: Reg) {
        self.emit_word(sub(rd.into(), rs1.into(), rs2.into()));
        self.emit_word(sltiu(rd.into(), rd.into(), 1));
    }

    /// `rd = (rs1 != rs2)` (`asm_rv32_meta_comparison_ne`).
    pub fn meta_comparison_ne(&mut self, rs1: Reg, rs2: Reg, rd: Reg) {
        self.emit_word(sub(rd.into(), rs1.into(), rs2.into()));
        self.emit_word(sltu(rd.into(), ZERO.into(), rd.into()));
    }

    /// `rd = (rs1 < rs2)` (`asm_rv32_meta_comparison_lt`).
    pub fn meta_comparison_lt(&mut self, rs1: Reg, rs2: Reg, rd: Reg, unsigned: bool) {
        self.emit_word(type_r(
            0x33,
            0x02 | u32::from(unsigned),
            0x00,
            rd.into(),
            rs1.into(),
            rs2.into(),
        ));
    }

    /// `rd = (rs1 <= rs2)` (`asm_rv32_meta_comparison_le`).
    pub fn meta_comparison_le(&mut self, rs1: Reg, rs2: Reg, rd: Reg, unsigned: bool) {
        self.meta_comparison_lt(rs2, rs1, rd, unsigned);
        self.emit_word(xori(rd.into(), rd.into(), 1));
    }
}

impl NativeAsm for Rv32 {
    const WORD_SIZE: usize = 4;
    const REG_RET: Reg = A0;
    const REG_ARG_1: Reg = A0;
    const REG_ARG_2: Reg = A1;
    const REG_ARG_3: Reg = A2;
    const REG_ARG_4: Reg = A3;
    const REG_TEMP0: Reg = A4;
    const REG_TEMP1: Reg = A5;
    const REG_TEMP2: Reg = A6;
    const REG_LOCAL_1: Reg = S3;
    const REG_LOCAL_2: Reg = S2;
    const REG_LOCAL_3: Reg = S4;
    const REG_FUN_TABLE: Reg = S1;
    const REG_ZERO: Option<Reg> = Some(ZERO);

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_rv32(num_locals);
    }
    fn exit(&mut self) {
        self.exit_rv32();
    }

    fn jump(&mut self, label: Label) {
        self.jump_rv32(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.jump_if_reg_eq_rv32(reg, ZERO, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.jump_if_reg_nonzero_rv32(reg, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.jump_if_reg_eq_rv32(reg1, reg2, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.emit_halfword(cjr(reg.into()));
    }
    fn call_ind(&mut self, fun_id: u32) {
        self.call_ind_rv32(fun_id);
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_local_reg_rv32(local_num, reg_src);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.optimised_load_immediate(reg_dest, imm);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_rv32(reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_halfword(cmv(reg_dest.into(), reg_src.into()));
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_addr_rv32(reg_dest, local_num);
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_rv32(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.optimised_xor(reg_dest, reg_dest);
    }
    fn mov_local_mp_obj_null(&mut self, local_num: u32, _reg_temp: Reg) {
        self.mov_local_reg_rv32(local_num, ZERO);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.emit_word(xori(reg.into(), reg.into(), -1));
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.emit_word(sub(reg.into(), ZERO.into(), reg.into()));
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit_word(sll(reg_dest.into(), reg_dest.into(), reg_shift.into()));
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit_word(srl(reg_dest.into(), reg_dest.into(), reg_shift.into()));
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.emit_word(sra(reg_dest.into(), reg_dest.into(), reg_shift.into()));
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_word(or(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.optimised_xor(reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_word(and(reg_dest.into(), reg_src.into(), reg_dest.into()));
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_halfword(cadd(reg_dest.into(), reg_src.into()));
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_word(sub(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_word(mul(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }

    fn compare_set(
        &mut self,
        op: CompareOp,
        unsigned: bool,
        reg_dest: Reg,
        reg_lhs: Reg,
        reg_rhs: Reg,
    ) {
        match op {
            CompareOp::Less => self.meta_comparison_lt(reg_lhs, reg_rhs, reg_dest, unsigned),
            CompareOp::More => self.meta_comparison_lt(reg_rhs, reg_lhs, reg_dest, unsigned),
            CompareOp::Equal => self.meta_comparison_eq(reg_lhs, reg_rhs, reg_dest),
            CompareOp::LessEqual => self.meta_comparison_le(reg_lhs, reg_rhs, reg_dest, unsigned),
            CompareOp::MoreEqual => self.meta_comparison_le(reg_rhs, reg_lhs, reg_dest, unsigned),
            CompareOp::NotEqual => self.meta_comparison_ne(reg_rhs, reg_lhs, reg_dest),
        }
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_rv32(reg_dest, reg_base, word_offset as i32, 2);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.load_reg_reg_offset_rv32(reg_dest, reg_base, byte_offset as i32, 0);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.load_reg_reg_offset_rv32(reg_dest, reg_base, halfword_offset as i32, 1);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_rv32(reg_dest, reg_base, word_offset as i32, 2);
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_rv32(reg_src, reg_base, word_offset as i32, 2);
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.store_reg_reg_offset_rv32(reg_src, reg_base, byte_offset as i32, 0);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.store_reg_reg_offset_rv32(reg_src, reg_base, halfword_offset as i32, 1);
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_rv32(reg_src, reg_base, word_offset as i32, 2);
    }

    fn load8_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.load_reg_reg_reg_rv32(reg_dest, reg_base, reg_index, 0);
    }
    fn load16_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.load_reg_reg_reg_rv32(reg_dest, reg_base, reg_index, 1);
    }
    fn load32_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.load_reg_reg_reg_rv32(reg_dest, reg_base, reg_index, 2);
    }
    fn store8_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.store_reg_reg_reg_rv32(reg_val, reg_base, reg_index, 0);
    }
    fn store16_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.store_reg_reg_reg_rv32(reg_val, reg_base, reg_index, 1);
    }
    fn store32_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.store_reg_reg_reg_rv32(reg_val, reg_base, reg_index, 2);
    }
}
