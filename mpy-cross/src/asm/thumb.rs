//! Thumb assembler for ARMv6-M (Thumb-1 only) and ARMv7-M and up (Thumb-2) (after py/asmthumb.[ch],
//! plus the raw encodings py/emitinlinethumb.c builds for `@micropython.asm_thumb`).
//!
//! Encoders are pure functions returning the 16-bit halfword(s) of one instruction; a 32-bit
//! instruction is returned as `(first, second)` halfwords, each stored little endian.
//! [`Thumb`] sequences them the way the reference does, including the armv6m fallbacks it picks
//! when Thumb-2 is not allowed.

use mpy_format::arch::Arch;

use super::{
    signed_fits, unsigned_fits, AsmBase, AsmError, AsmPass, CompareOp, Label, NativeAsm, Reg, UImm,
};

/// `r7`: holds the pointer to `mp_fun_table` (`ASM_THUMB_REG_FUN_TABLE`).
pub const REG_FUN_TABLE: Reg = 7;
/// The stack pointer, `r13`.
pub const REG_SP: Reg = 13;
/// The link register, `r14`.
pub const REG_LR: Reg = 14;
/// The program counter, `r15`.
pub const REG_PC: Reg = 15;

/// A condition code (`ASM_THUMB_CC_*`), numbered as the ISA encodes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Equal.
    Eq = 0,
    /// Not equal.
    Ne = 1,
    /// Carry set (unsigned `>=`).
    Cs = 2,
    /// Carry clear (unsigned `<`).
    Cc = 3,
    /// Negative.
    Mi = 4,
    /// Positive or zero.
    Pl = 5,
    /// Overflow.
    Vs = 6,
    /// No overflow.
    Vc = 7,
    /// Unsigned `>`.
    Hi = 8,
    /// Unsigned `<=`.
    Ls = 9,
    /// Signed `>=`.
    Ge = 10,
    /// Signed `<`.
    Lt = 11,
    /// Signed `>`.
    Gt = 12,
    /// Signed `<=`.
    Le = 13,
}

impl Cond {
    /// Every condition, in encoding order (the order of emitinlinethumb.c's `CONDITION_CODES`).
    pub const ALL: [Self; 14] = [
        Self::Eq,
        Self::Ne,
        Self::Cs,
        Self::Cc,
        Self::Mi,
        Self::Pl,
        Self::Vs,
        Self::Vc,
        Self::Hi,
        Self::Ls,
        Self::Ge,
        Self::Lt,
        Self::Gt,
        Self::Le,
    ];

    /// The two-letter suffix (`"eq"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Ne => "ne",
            Self::Cs => "cs",
            Self::Cc => "cc",
            Self::Mi => "mi",
            Self::Pl => "pl",
            Self::Vs => "vs",
            Self::Vc => "vc",
            Self::Hi => "hi",
            Self::Ls => "ls",
            Self::Ge => "ge",
            Self::Lt => "lt",
            Self::Gt => "gt",
            Self::Le => "le",
        }
    }

    /// The condition with this two-letter suffix.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The opposite condition (`cond ^ 1`).
    #[must_use]
    pub const fn invert(self) -> Self {
        Self::ALL[(self as usize) ^ 1]
    }

    const fn bits(self) -> u16 {
        self as u16
    }
}

/// `nop` (`ASM_THUMB_OP_NOP`).
pub const OP_NOP: u16 = 0xbf00;
/// `wfi` (`ASM_THUMB_OP_WFI`).
pub const OP_WFI: u16 = 0xbf30;
/// `cpsid i` (`ASM_THUMB_OP_CPSID_I`).
pub const OP_CPSID_I: u16 = 0xb672;
/// `cpsie i` (`ASM_THUMB_OP_CPSIE_I`).
pub const OP_CPSIE_I: u16 = 0xb662;

fn debug_check_lo(regs: &[u32]) {
    debug_assert!(
        regs.iter().all(|&r| r < 8),
        "Thumb-1 needs r0..r7: {regs:?}"
    );
}

/// `it<mask> <cond>`: `mask` is the 4-bit then/else mask as the ISA encodes it (`asm_thumb_it_cc`).
#[must_use]
pub fn it(cond: Cond, mask: u32) -> u16 {
    debug_assert!(mask < 16);
    0xbf00 | (cond.bits() << 4) | mask as u16
}

/// `ite <cond>` (`ASM_THUMB_OP_ITE_*`).
#[must_use]
pub fn ite(cond: Cond) -> u16 {
    it(cond, if cond.bits() & 1 == 0 { 0xc } else { 0x4 })
}

/// Format 1 shift ops (`ASM_THUMB_FORMAT_1_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum ShiftOp {
    /// `lsls`.
    Lsl = 0x0000,
    /// `lsrs`.
    Lsr = 0x0800,
    /// `asrs`.
    Asr = 0x1000,
}

/// Format 1: `<op>s rlo_dest, rlo_src, #offset`.
#[must_use]
pub fn format_1(op: ShiftOp, rlo_dest: u32, rlo_src: u32, offset: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_src]);
    debug_assert!(offset < 32);
    (op as u16) | ((offset << 6) | (rlo_src << 3) | rlo_dest) as u16
}

/// Format 2 add/subtract (`ASM_THUMB_FORMAT_2_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum AddSubOp {
    /// `adds`.
    Add = 0x1800,
    /// `subs`.
    Sub = 0x1a00,
}

/// Format 2 with a register operand: `<op>s rlo_dest, rlo_src, rlo_b`.
#[must_use]
pub fn format_2_reg(op: AddSubOp, rlo_dest: u32, rlo_src: u32, rlo_b: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_src, rlo_b]);
    (op as u16) | ((rlo_b << 6) | (rlo_src << 3) | rlo_dest) as u16
}

/// Format 2 with a 3-bit immediate: `<op>s rlo_dest, rlo_src, #i3`.
#[must_use]
pub fn format_2_imm(op: AddSubOp, rlo_dest: u32, rlo_src: u32, i3: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_src]);
    debug_assert!(i3 < 8);
    (op as u16) | 0x0400 | ((i3 << 6) | (rlo_src << 3) | rlo_dest) as u16
}

/// Format 3 ops with an 8-bit zero-extended immediate (`ASM_THUMB_FORMAT_3_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Imm8Op {
    /// `movs rlo, #i8`.
    Mov = 0x2000,
    /// `cmp rlo, #i8`.
    Cmp = 0x2800,
    /// `adds rlo, #i8`.
    Add = 0x3000,
    /// `subs rlo, #i8`.
    Sub = 0x3800,
    /// `ldr rlo, [pc, #i8 * 4]`.
    LdrPcRel = 0x4800,
}

/// Format 3: `<op> rlo, #i8`.
#[must_use]
pub fn format_3(op: Imm8Op, rlo: u32, i8: UImm<8>) -> u16 {
    debug_check_lo(&[rlo]);
    (op as u16) | ((rlo << 8) | i8.get()) as u16
}

/// Format 4 ALU ops on two low registers (`ASM_THUMB_FORMAT_4_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum AluOp {
    /// `ands`.
    And = 0x4000,
    /// `eors`.
    Eor = 0x4040,
    /// `lsls` by register.
    Lsl = 0x4080,
    /// `lsrs` by register.
    Lsr = 0x40c0,
    /// `asrs` by register.
    Asr = 0x4100,
    /// `adcs`.
    Adc = 0x4140,
    /// `sbcs`.
    Sbc = 0x4180,
    /// `rors`.
    Ror = 0x41c0,
    /// `tst`.
    Tst = 0x4200,
    /// `negs` (`rsbs #0`).
    Neg = 0x4240,
    /// `cmp`.
    Cmp = 0x4280,
    /// `cmn`.
    Cmn = 0x42c0,
    /// `orrs`.
    Orr = 0x4300,
    /// `muls`.
    Mul = 0x4340,
    /// `bics`.
    Bic = 0x4380,
    /// `mvns`.
    Mvn = 0x43c0,
}

impl AluOp {
    /// Every op, with the name `@micropython.asm_thumb` spells it (`and_` for `and`).
    pub const NAMED: [(&'static str, Self); 16] = [
        ("and_", Self::And),
        ("eor", Self::Eor),
        ("lsl", Self::Lsl),
        ("lsr", Self::Lsr),
        ("asr", Self::Asr),
        ("adc", Self::Adc),
        ("sbc", Self::Sbc),
        ("ror", Self::Ror),
        ("tst", Self::Tst),
        ("neg", Self::Neg),
        ("cmp", Self::Cmp),
        ("cmn", Self::Cmn),
        ("orr", Self::Orr),
        ("mul", Self::Mul),
        ("bic", Self::Bic),
        ("mvn", Self::Mvn),
    ];
}

/// Format 4: `<op> rlo_dest, rlo_src`.
#[must_use]
pub fn format_4(op: AluOp, rlo_dest: u32, rlo_src: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_src]);
    (op as u16) | ((rlo_src << 3) | rlo_dest) as u16
}

/// Format 5 `add r_dest, r_src` (any registers; `ASM_THUMB_FORMAT_5_ADD`).
#[must_use]
pub fn add_reg_reg(r_dest: u32, r_src: u32) -> u16 {
    debug_assert!(r_dest < 16 && r_src < 16);
    0x4400 | ((r_dest << 4 & 0x0080) | (r_src << 3) | (r_dest & 0x0007)) as u16
}

/// `bx r_src` (format 5).
#[must_use]
pub fn bx(r_src: u32) -> u16 {
    debug_assert!(r_src < 16);
    0x4700 | (r_src << 3) as u16
}

/// `blx r_src`.
#[must_use]
pub fn blx(r_src: u32) -> u16 {
    debug_assert!(r_src < 16);
    0x4780 | (r_src << 3) as u16
}

/// `mov reg_dest, reg_src` for any registers (`asm_thumb_mov_reg_reg`).
#[must_use]
pub fn mov_reg_reg(reg_dest: u32, reg_src: u32) -> u16 {
    debug_assert!(reg_dest < 16 && reg_src < 16);
    let src = if reg_src < 8 {
        reg_src << 3
    } else {
        0x40 | ((reg_src - 8) << 3)
    };
    let dest = if reg_dest < 8 {
        reg_dest
    } else {
        0x80 | (reg_dest - 8)
    };
    0x4600 | (src | dest) as u16
}

/// Register-offset loads and stores (formats 7 and 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum RegOffsetOp {
    /// `str rlo, [rlo_base, rlo_index]`.
    Str = 0x5000,
    /// `strh`.
    Strh = 0x5200,
    /// `strb`.
    Strb = 0x5400,
    /// `ldr`.
    Ldr = 0x5800,
    /// `ldrh`.
    Ldrh = 0x5a00,
    /// `ldrb`.
    Ldrb = 0x5c00,
}

/// Formats 7/8: `<op> rlo_dest, [rlo_base, rlo_index]`.
#[must_use]
pub fn format_7_8(op: RegOffsetOp, rlo_dest: u32, rlo_base: u32, rlo_index: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_base, rlo_index]);
    (op as u16) | ((rlo_index << 6) | (rlo_base << 3) | rlo_dest) as u16
}

/// Immediate-offset loads and stores (formats 9 and 10); the offset field counts units of the
/// access size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum ImmOffsetOp {
    /// `str rlo, [rlo_base, #i5 * 4]`.
    Str = 0x6000,
    /// `ldr`.
    Ldr = 0x6800,
    /// `strb rlo, [rlo_base, #i5]`.
    Strb = 0x7000,
    /// `ldrb`.
    Ldrb = 0x7800,
    /// `strh rlo, [rlo_base, #i5 * 2]`.
    Strh = 0x8000,
    /// `ldrh`.
    Ldrh = 0x8800,
}

impl ImmOffsetOp {
    /// The load of `1 << size_log2` bytes (`OP_LDR_STR_TABLE`).
    const fn load(size_log2: u32) -> Self {
        match size_log2 {
            0 => Self::Ldrb,
            1 => Self::Ldrh,
            _ => Self::Ldr,
        }
    }

    /// The store of `1 << size_log2` bytes.
    const fn store(size_log2: u32) -> Self {
        match size_log2 {
            0 => Self::Strb,
            1 => Self::Strh,
            _ => Self::Str,
        }
    }
}

/// Formats 9/10: `<op> rlo_dest, [rlo_base, #offset]` (offset in units of the access size).
#[must_use]
pub fn format_9_10(op: ImmOffsetOp, rlo_dest: u32, rlo_base: u32, offset: UImm<5>) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_base]);
    (op as u16) | ((offset.get() << 6) | (rlo_base << 3) | rlo_dest) as u16
}

/// Format 11 sign/zero extension (`ASM_THUMB_FORMAT_11_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum ExtendOp {
    /// `sxth`.
    Sxth = 0xb200,
    /// `sxtb`.
    Sxtb = 0xb240,
    /// `uxth`.
    Uxth = 0xb280,
    /// `uxtb`.
    Uxtb = 0xb2c0,
}

/// Format 11: `<op> rlo_dest, rlo_src`.
#[must_use]
pub fn format_11(op: ExtendOp, rlo_dest: u32, rlo_src: u32) -> u16 {
    debug_check_lo(&[rlo_dest, rlo_src]);
    (op as u16) | ((rlo_src << 3) | rlo_dest) as u16
}

/// `str rlo_src, [sp, #word_offset * 4]`.
#[must_use]
pub fn str_to_sp(rlo_src: u32, word_offset: UImm<8>) -> u16 {
    debug_check_lo(&[rlo_src]);
    0x9000 | ((rlo_src << 8) | word_offset.get()) as u16
}

/// `ldr rlo_dest, [sp, #word_offset * 4]`.
#[must_use]
pub fn ldr_from_sp(rlo_dest: u32, word_offset: UImm<8>) -> u16 {
    debug_check_lo(&[rlo_dest]);
    0x9800 | ((rlo_dest << 8) | word_offset.get()) as u16
}

/// `add rlo_dest, sp, #word_offset * 4`.
#[must_use]
pub fn add_reg_sp(rlo_dest: u32, word_offset: UImm<8>) -> u16 {
    debug_check_lo(&[rlo_dest]);
    0xa800 | ((rlo_dest << 8) | word_offset.get()) as u16
}

/// `add sp, #num_words * 4`.
#[must_use]
pub fn add_sp(num_words: UImm<7>) -> u16 {
    0xb000 | num_words.get() as u16
}

/// `sub sp, #num_words * 4`.
#[must_use]
pub fn sub_sp(num_words: UImm<7>) -> u16 {
    0xb080 | num_words.get() as u16
}

/// `push {rlolist}` plus `lr` when `with_lr` (bit `n` = `rn`, low registers only).
#[must_use]
pub fn push(rlolist: u32, with_lr: bool) -> u16 {
    debug_assert!(rlolist < 0x100);
    0xb400 | u16::from(with_lr) << 8 | rlolist as u16
}

/// `pop {rlolist}` plus `pc` when `with_pc`.
#[must_use]
pub fn pop(rlolist: u32, with_pc: bool) -> u16 {
    debug_assert!(rlolist < 0x100);
    0xbc00 | u16::from(with_pc) << 8 | rlolist as u16
}

/// `push.w {reglist}` (Thumb-2, any of r0..r14).
#[must_use]
pub fn push_w(reglist: u32) -> (u16, u16) {
    debug_assert!(reglist < 0x10000);
    (0xe92d, reglist as u16)
}

/// `pop.w {reglist}` (Thumb-2).
#[must_use]
pub fn pop_w(reglist: u32) -> (u16, u16) {
    debug_assert!(reglist < 0x10000);
    (0xe8bd, reglist as u16)
}

/// `movw` or `movt` (`ASM_THUMB_OP_MOVW` / `ASM_THUMB_OP_MOVT`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum MovHalf {
    /// `movw`: set the low half, zero the high half.
    Movw = 0xf240,
    /// `movt`: set the high half, keep the low half.
    Movt = 0xf2c0,
}

/// `movw`/`movt reg_dest, #i16` (`asm_thumb_mov_reg_i16`).
#[must_use]
pub fn mov_reg_i16(op: MovHalf, reg_dest: u32, i16: u16) -> (u16, u16) {
    debug_assert!(reg_dest < 15);
    let i = u32::from(i16);
    let hi = (op as u32) | ((i >> 1) & 0x0400) | ((i >> 12) & 0xf);
    let lo = ((i << 4) & 0x7000) | (reg_dest << 8) | (i & 0xff);
    (hi as u16, lo as u16)
}

/// `addw`/`subw reg, reg, #imm11` as the reference encodes it (`OP_ADD_W_RRI_*`, `OP_SUB_W_RRI_*`):
/// the 12th immediate bit is never set.
fn addw_subw(sub: bool, reg_dest: u32, reg_src: u32, imm11: u32) -> (u16, u16) {
    let hi = if sub { 0xf2a0 } else { 0xf200 } | reg_src;
    let lo = ((imm11 << 4) & 0x7000) | (reg_dest << 8) | (imm11 & 0xff);
    (hi as u16, lo as u16)
}

/// `b.n` with `byte_offset` relative to the instruction + 4 (`OP_B_N`; low 12 bits used).
#[must_use]
pub fn b_n(byte_offset: i64) -> u16 {
    0xe000 | ((byte_offset >> 1) & 0x07ff) as u16
}

/// `b<cond>.n` with `byte_offset` relative to the instruction + 4 (`OP_BCC_N`; low 9 bits used).
#[must_use]
pub fn bcc_n(cond: Cond, byte_offset: i64) -> u16 {
    0xd000 | (cond.bits() << 8) | ((byte_offset >> 1) & 0x00ff) as u16
}

/// `b<cond>.w` (`OP_BCC_W_HI` / `OP_BCC_W_LO`; 21-bit range).
#[must_use]
pub fn bcc_w(cond: Cond, byte_offset: i64) -> (u16, u16) {
    let hi = 0xf000
        | (i64::from(cond.bits()) << 6)
        | ((byte_offset >> 10) & 0x0400)
        | ((byte_offset >> 12) & 0x003f);
    let lo = 0x8000
        | ((byte_offset >> 5) & 0x2000)
        | ((byte_offset >> 8) & 0x0800)
        | ((byte_offset >> 1) & 0x07ff);
    (hi as u16, lo as u16)
}

/// `b.w` as the reference encodes it (`OP_BW_*`: J1 = J2 = 1, so a 23-bit range).
#[must_use]
pub fn b_w(byte_offset: i64) -> (u16, u16) {
    let hi = 0xf000 | ((byte_offset >> 12) & 0x07ff);
    let lo = 0xb800 | ((byte_offset >> 1) & 0x07ff);
    (hi as u16, lo as u16)
}

/// `bl` (`OP_BL_*`: J1 = J2 = 1, so a 23-bit range).
#[must_use]
pub fn bl(byte_offset: i64) -> (u16, u16) {
    let hi = 0xf000 | ((byte_offset >> 12) & 0x07ff);
    let lo = 0xf800 | ((byte_offset >> 1) & 0x07ff);
    (hi as u16, lo as u16)
}

/// `ldr<b|h>.w` / `str<b|h>.w reg, [reg_base, #imm12]` (T3 encoding; `OP_LDR_STR_W_*`).
#[must_use]
pub fn ldr_str_w(
    load: bool,
    size_log2: u32,
    reg: u32,
    reg_base: u32,
    imm12: UImm<12>,
) -> (u16, u16) {
    debug_assert!(size_log2 <= 2 && reg < 16 && reg_base < 16);
    let hi = (0xf880 | (size_log2 << 5) | reg_base) | if load { 0x10 } else { 0 };
    let lo = (reg << 12) | imm12.get();
    (hi as u16, lo as u16)
}

/// `clz rd, rm` (Thumb-2).
#[must_use]
pub fn clz(rd: u32, rm: u32) -> (u16, u16) {
    ((0xfab0 | rm) as u16, (0xf080 | (rd << 8) | rm) as u16)
}

/// `rbit rd, rm` (Thumb-2).
#[must_use]
pub fn rbit(rd: u32, rm: u32) -> (u16, u16) {
    ((0xfa90 | rm) as u16, (0xf0a0 | (rd << 8) | rm) as u16)
}

/// `mrs rd, <special register sysm>` (Thumb-2; `IPSR` = 5, `BASEPRI` = 17).
#[must_use]
pub fn mrs(rd: u32, sysm: u32) -> (u16, u16) {
    (0xf3ef, (0x8000 | (rd << 8) | sysm) as u16)
}

/// `sdiv rd, rn, rm` (Thumb-2).
#[must_use]
pub fn sdiv(rd: u32, rn: u32, rm: u32) -> (u16, u16) {
    ((0xfb90 | rn) as u16, (0xf0f0 | (rd << 8) | rm) as u16)
}

/// `udiv rd, rn, rm` (Thumb-2).
#[must_use]
pub fn udiv(rd: u32, rn: u32, rm: u32) -> (u16, u16) {
    ((0xfbb0 | rn) as u16, (0xf0f0 | (rd << 8) | rm) as u16)
}

/// `ldrex rt, [rn, #imm8 * 4]` (Thumb-2).
#[must_use]
pub fn ldrex(rt: u32, rn: u32, imm8: UImm<8>) -> (u16, u16) {
    (
        (0xe850 | rn) as u16,
        (0x0f00 | (rt << 12) | imm8.get()) as u16,
    )
}

/// `strex rd, rt, [rn, #imm8 * 4]` (Thumb-2).
#[must_use]
pub fn strex(rd: u32, rt: u32, rn: u32, imm8: UImm<8>) -> (u16, u16) {
    (
        (0xe840 | rn) as u16,
        ((rt << 12) | (rd << 8) | imm8.get()) as u16,
    )
}

/// Two-operand single-precision VFP ops of `@micropython.asm_thumb` (`op_vfp_twoargs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VfpUnaryOp {
    /// `vcmp.f32 sd, sm`; the reference's encoding has the E bit set, so this is `vcmpe.f32`.
    Cmp,
    /// `vsqrt.f32 sd, sm`.
    Sqrt,
    /// `vneg.f32 sd, sm`.
    Neg,
    /// `vcvt.f32.s32 sd, sm` (int to float).
    CvtF32S32,
    /// `vcvt.s32.f32 sd, sm` (float to int, round towards zero).
    CvtS32F32,
}

/// `vcmp`/`vsqrt`/`vneg`/`vcvt sd, sm` (`vd`, `vm` are s-register numbers 0..31).
#[must_use]
pub fn vfp_unary(op: VfpUnaryOp, vd: u32, vm: u32) -> (u16, u16) {
    debug_assert!(vd < 32 && vm < 32);
    let (hi, lo) = match op {
        VfpUnaryOp::Cmp => (0xeeb4, 0x0ac0),
        VfpUnaryOp::Sqrt => (0xeeb1, 0x0ac0),
        VfpUnaryOp::Neg => (0xeeb1, 0x0a40),
        VfpUnaryOp::CvtF32S32 => (0xeeb8, 0x0ac0),
        VfpUnaryOp::CvtS32F32 => (0xeebd, 0x0ac0),
    };
    (
        (hi | ((vd & 1) << 6)) as u16,
        (lo | ((vd & 0x1e) << 11) | ((vm & 1) << 5) | ((vm & 0x1e) >> 1)) as u16,
    )
}

/// Three-operand single-precision VFP arithmetic (`format_vfp_op_table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum VfpBinaryOp {
    /// `vadd.f32`.
    Add = 0x30,
    /// `vsub.f32`.
    Sub = 0x34,
    /// `vmul.f32`.
    Mul = 0x20,
    /// `vdiv.f32`.
    Div = 0x80,
}

/// `v<op>.f32 sd, sn, sm`.
#[must_use]
pub fn vfp_binary(op: VfpBinaryOp, vd: u32, vn: u32, vm: u32) -> (u16, u16) {
    debug_assert!(vd < 32 && vn < 32 && vm < 32);
    let op = op as u32;
    let hi = 0xee00 | (op & 0xf0) | ((vd & 1) << 6) | (vn >> 1);
    let lo = 0x0a00
        | ((op & 0x0f) << 4)
        | (vm >> 1)
        | ((vm & 1) << 5)
        | ((vd & 0x1e) << 11)
        | ((vn & 1) << 7);
    (hi as u16, lo as u16)
}

/// `vmrs r_dest, fpscr` (`r_dest` = 15 means `APSR_nzcv`).
#[must_use]
pub fn vmrs(r_dest: u32) -> (u16, u16) {
    debug_assert!(r_dest < 16);
    (0xeef1, (0x0a10 | (r_dest << 12)) as u16)
}

/// `vmov r_arm, sm` (core register from VFP register).
#[must_use]
pub fn vmov_reg_from_vfp(r_arm: u32, vm: u32) -> (u16, u16) {
    debug_assert!(r_arm < 16 && vm < 32);
    (
        (0xee10 | ((vm & 0x1e) >> 1)) as u16,
        (0x0a10 | (r_arm << 12) | ((vm & 1) << 7)) as u16,
    )
}

/// `vmov sm, r_arm` (VFP register from core register).
#[must_use]
pub fn vmov_vfp_from_reg(vm: u32, r_arm: u32) -> (u16, u16) {
    debug_assert!(r_arm < 16 && vm < 32);
    (
        (0xee00 | ((vm & 0x1e) >> 1)) as u16,
        (0x0a10 | (r_arm << 12) | ((vm & 1) << 7)) as u16,
    )
}

/// `vldr`/`vstr sd, [rlo_base, #word_offset * 4]`.
#[must_use]
pub fn vldr_vstr(load: bool, vd: u32, rlo_base: u32, word_offset: UImm<8>) -> (u16, u16) {
    debug_assert!(vd < 32 && rlo_base < 8);
    let hi = if load { 0xed90 } else { 0xed80 } | rlo_base | ((vd & 1) << 6);
    (
        hi as u16,
        (0x0a00 | ((vd & 0x1e) << 11) | word_offset.get()) as u16,
    )
}

/// The Thumb assembler (`asm_thumb_t`). The target architecture decides whether Thumb-2
/// sequences are allowed (armv7m..armv7emdp) and whether the ARM-state prelude is needed (armv6).
#[derive(Clone, Debug)]
pub struct Thumb {
    base: AsmBase,
    arch: Arch,
    push_reglist: u32,
    stack_adjust: u32,
}

impl Thumb {
    /// An assembler for `arch` with room for `max_num_labels` labels.
    #[must_use]
    pub fn new(arch: Arch, max_num_labels: usize) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
            arch,
            push_reglist: 0,
            stack_adjust: 0,
        }
    }

    /// The target architecture.
    #[must_use]
    pub fn arch(&self) -> Arch {
        self.arch
    }

    /// Whether Thumb-2 instructions may be used (`asm_thumb_allow_armv7m`).
    #[must_use]
    pub fn allow_armv7m(&self) -> bool {
        (Arch::Armv7m..=Arch::Armv7emdp).contains(&self.arch)
    }

    /// Whether the inline assembler accepts VFP instructions (`emit_inline_thumb_allow_float`).
    #[must_use]
    pub fn allow_float(&self) -> bool {
        (Arch::Armv7emsp..=Arch::Armv7emdp).contains(&self.arch)
    }

    /// Emit one 16-bit instruction (`asm_thumb_op16`).
    pub fn op16(&mut self, op: u16) {
        self.base.write(&op.to_le_bytes());
    }

    /// Emit one 32-bit instruction as its two halfwords (`asm_thumb_op32`).
    pub fn op32(&mut self, (op1, op2): (u16, u16)) {
        let [a, b] = op1.to_le_bytes();
        let [c, d] = op2.to_le_bytes();
        self.base.write(&[a, b, c, d]);
    }

    fn check_lo(&mut self, what: &'static str, regs: &[Reg]) -> bool {
        let ok = regs.iter().all(|&r| r < 8);
        if !ok {
            self.base.set_error(AsmError::Unencodable(what));
        }
        ok
    }

    /// Function prologue (`asm_thumb_entry`): push r1..r7 (or r1, r4..r7) and lr, then reserve
    /// stack for the locals beyond the 3 pushed scratch slots, keeping sp 8-byte aligned.
    pub fn entry_thumb(&mut self, num_locals: u32) {
        if self.arch == Arch::Armv6 {
            // Running from ARM state: switch to Thumb for the body and back on return.
            self.op32((0x4010, 0xe92d)); // push {r4, lr}
            self.op32((0xe009, 0xe28f)); // add lr, pc, 8 + 1
            self.op32((0xff3e, 0xe12f)); // blx lr
            self.op32((0x4010, 0xe8bd)); // pop {r4, lr}
            self.op32((0xff1e, 0xe12f)); // bx lr
        }
        let (reglist, stack_adjust) = match num_locals {
            0 | 1 => (0xf2, 0),
            2 | 3 => (0xfe, 0),
            n => (0xfe, ((n - 3) + 1) & !1),
        };
        self.op16(push(reglist, true));
        if stack_adjust > 0 {
            self.adjust_sp(true, stack_adjust);
        }
        self.push_reglist = reglist;
        self.stack_adjust = stack_adjust;
    }

    /// Function epilogue (`asm_thumb_exit`): release the locals and `pop {.., pc}`.
    pub fn exit_thumb(&mut self) {
        if self.stack_adjust > 0 {
            self.adjust_sp(false, self.stack_adjust);
        }
        self.op16(pop(self.push_reglist, true));
    }

    fn adjust_sp(&mut self, sub: bool, num_words: u32) {
        if self.allow_armv7m() {
            if let Some(words) = UImm::<7>::maybe_from(num_words) {
                self.op16(if sub { sub_sp(words) } else { add_sp(words) });
            } else {
                self.op32(addw_subw(
                    sub,
                    u32::from(REG_SP),
                    u32::from(REG_SP),
                    num_words * 4,
                ));
            }
        } else {
            let mut left = num_words;
            let step = UImm::<7>::maybe_from(127).expect("127 fits 7 bits");
            let mut words = UImm::<7>::maybe_from(left);
            while words.is_none() {
                self.op16(if sub { sub_sp(step) } else { add_sp(step) });
                left -= 127;
                words = UImm::<7>::maybe_from(left);
            }
            if let Some(words) = words {
                self.op16(if sub { sub_sp(words) } else { add_sp(words) });
            }
        }
    }

    /// `it<mask> cond` (`asm_thumb_it_cc`).
    pub fn it_cc(&mut self, cond: Cond, mask: u32) {
        self.op16(it(cond, mask));
    }

    /// `<op>s rlo_dest, rlo_src, #shift` (`asm_thumb_format_1`; the shift is masked to 5 bits).
    pub fn format_1(&mut self, op: ShiftOp, rlo_dest: Reg, rlo_src: Reg, shift: u32) {
        if self.check_lo("format 1", &[rlo_dest, rlo_src]) {
            self.op16(format_1(op, rlo_dest.into(), rlo_src.into(), shift & 0x1f));
        }
    }

    /// `lsls rlo_dest, rlo_src, #shift` (`asm_thumb_lsl_rlo_rlo_i5`).
    pub fn lsl_rlo_rlo_i5(&mut self, rlo_dest: Reg, rlo_src: Reg, shift: u32) {
        self.format_1(ShiftOp::Lsl, rlo_dest, rlo_src, shift);
    }

    /// `asrs rlo_dest, rlo_src, #shift` (`asm_thumb_asr_rlo_rlo_i5`).
    pub fn asr_rlo_rlo_i5(&mut self, rlo_dest: Reg, rlo_src: Reg, shift: u32) {
        self.format_1(ShiftOp::Asr, rlo_dest, rlo_src, shift);
    }

    /// `adds/subs rlo_dest, rlo_src, rlo_b` (`asm_thumb_add_rlo_rlo_rlo` and friends).
    pub fn format_2_reg(&mut self, op: AddSubOp, rlo_dest: Reg, rlo_src: Reg, rlo_b: Reg) {
        if self.check_lo("format 2", &[rlo_dest, rlo_src, rlo_b]) {
            self.op16(format_2_reg(
                op,
                rlo_dest.into(),
                rlo_src.into(),
                rlo_b.into(),
            ));
        }
    }

    /// `adds/subs rlo_dest, rlo_src, #i3` (`asm_thumb_add_rlo_rlo_i3` and friends; masked to 3 bits).
    pub fn format_2_imm(&mut self, op: AddSubOp, rlo_dest: Reg, rlo_src: Reg, i3: u32) {
        if self.check_lo("format 2", &[rlo_dest, rlo_src]) {
            self.op16(format_2_imm(op, rlo_dest.into(), rlo_src.into(), i3 & 7));
        }
    }

    /// `<op> rlo, #i8` (`asm_thumb_format_3`; the immediate is masked to 8 bits).
    pub fn format_3(&mut self, op: Imm8Op, rlo: Reg, i8: u32) {
        if self.check_lo("format 3", &[rlo]) {
            let i8 = UImm::<8>::maybe_from(i8 & 0xff).expect("masked to 8 bits");
            self.op16(format_3(op, rlo.into(), i8));
        }
    }

    /// `movs rlo, #i8` (`asm_thumb_mov_rlo_i8`).
    pub fn mov_rlo_i8(&mut self, rlo: Reg, i8: u32) {
        self.format_3(Imm8Op::Mov, rlo, i8);
    }

    /// `cmp rlo, #i8` (`asm_thumb_cmp_rlo_i8`).
    pub fn cmp_rlo_i8(&mut self, rlo: Reg, i8: u32) {
        self.format_3(Imm8Op::Cmp, rlo, i8);
    }

    /// `adds rlo, #i8` (`asm_thumb_add_rlo_i8`).
    pub fn add_rlo_i8(&mut self, rlo: Reg, i8: u32) {
        self.format_3(Imm8Op::Add, rlo, i8);
    }

    /// `subs rlo, #i8` (`asm_thumb_sub_rlo_i8`).
    pub fn sub_rlo_i8(&mut self, rlo: Reg, i8: u32) {
        self.format_3(Imm8Op::Sub, rlo, i8);
    }

    /// `ldr rlo, [pc, #i8 * 4]` (`asm_thumb_ldr_rlo_pcrel_i8`).
    pub fn ldr_rlo_pcrel_i8(&mut self, rlo: Reg, i8: u32) {
        self.format_3(Imm8Op::LdrPcRel, rlo, i8);
    }

    /// `<op> rlo_dest, rlo_src` (`asm_thumb_format_4`).
    pub fn format_4(&mut self, op: AluOp, rlo_dest: Reg, rlo_src: Reg) {
        if self.check_lo("format 4", &[rlo_dest, rlo_src]) {
            self.op16(format_4(op, rlo_dest.into(), rlo_src.into()));
        }
    }

    /// `<op> rlo_dest, [rlo_base, rlo_index]` (`asm_thumb_format_7_8`).
    pub fn format_7_8(&mut self, op: RegOffsetOp, rlo_dest: Reg, rlo_base: Reg, rlo_index: Reg) {
        if self.check_lo("format 7/8", &[rlo_dest, rlo_base, rlo_index]) {
            self.op16(format_7_8(
                op,
                rlo_dest.into(),
                rlo_base.into(),
                rlo_index.into(),
            ));
        }
    }

    /// `<op> rlo_dest, [rlo_base, #offset]` (`asm_thumb_format_9_10`; offset in access units,
    /// masked to 5 bits as the reference does).
    pub fn format_9_10(&mut self, op: ImmOffsetOp, rlo_dest: Reg, rlo_base: Reg, offset: u32) {
        if self.check_lo("format 9/10", &[rlo_dest, rlo_base]) {
            let offset = UImm::<5>::maybe_from(offset & 0x1f).expect("masked to 5 bits");
            self.op16(format_9_10(op, rlo_dest.into(), rlo_base.into(), offset));
        }
    }

    /// `mov reg_dest, reg_src` (`asm_thumb_mov_reg_reg`).
    pub fn mov_reg_reg_thumb(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op16(mov_reg_reg(reg_dest.into(), reg_src.into()));
    }

    /// `movw`/`movt reg_dest, #i16` (`asm_thumb_mov_reg_i16`; the value is truncated to 16 bits).
    pub fn mov_reg_i16(&mut self, op: MovHalf, reg_dest: Reg, i16: i64) {
        self.op32(mov_reg_i16(op, reg_dest.into(), i16 as u16));
    }

    /// `movs; lsls #8; adds` building a 16-bit value in a low register (`asm_thumb_mov_rlo_i16`).
    fn mov_rlo_i16(&mut self, rlo_dest: Reg, i16: i64) {
        self.mov_rlo_i8(rlo_dest, ((i16 >> 8) & 0xff) as u32);
        self.lsl_rlo_rlo_i5(rlo_dest, rlo_dest, 8);
        self.add_rlo_i8(rlo_dest, (i16 & 0xff) as u32);
    }

    fn rel_to(&self, label: Label) -> i64 {
        // PC reads 4 bytes ahead of the instruction.
        self.base.label_dest(label) - self.base.pos() - 4
    }

    /// `b.n label`; false when the emit pass finds the target out of range (`asm_thumb_b_n_label`).
    pub fn b_n_label(&mut self, label: Label) -> bool {
        let rel = self.rel_to(label);
        self.op16(b_n(rel));
        !self.base.is_emit() || signed_fits(rel, 12)
    }

    /// `b<cond>.n` or, when `wide` (Thumb-2 only), `b<cond>.w label`; false when out of range or
    /// when wide is not allowed (`asm_thumb_bcc_nw_label`).
    pub fn bcc_nw_label(&mut self, cond: Cond, label: Label, wide: bool) -> bool {
        let rel = self.rel_to(label);
        if !wide {
            self.op16(bcc_n(cond, rel));
            !self.base.is_emit() || signed_fits(rel, 9)
        } else if self.allow_armv7m() {
            self.op32(bcc_w(cond, rel));
            true
        } else {
            false
        }
    }

    /// `bl label`; false when the emit pass finds it out of range (`asm_thumb_bl_label`).
    pub fn bl_label(&mut self, label: Label) -> bool {
        let rel = self.rel_to(label);
        self.op32(bl(rel));
        !self.base.is_emit() || signed_fits(rel, 23)
    }

    /// Load a 32-bit constant without optimisation (`asm_thumb_mov_reg_i32`): `movw; movt`, or on
    /// armv6m an aligned literal skipped by a branch. Returns the offset of the sequence.
    pub fn mov_reg_i32(&mut self, reg_dest: Reg, i32: u32) -> usize {
        let loc = self.base.code_pos();
        if self.allow_armv7m() {
            self.op32(mov_reg_i16(MovHalf::Movw, reg_dest.into(), i32 as u16));
            self.op32(mov_reg_i16(
                MovHalf::Movt,
                reg_dest.into(),
                (i32 >> 16) as u16,
            ));
        } else {
            if self.base.code_pos() & 2 != 0 {
                self.op16(OP_NOP);
            }
            self.ldr_rlo_pcrel_i8(reg_dest, 0);
            self.op16(b_n(2));
            self.op16(i32 as u16);
            self.op16((i32 >> 16) as u16);
        }
        loc
    }

    /// Load a constant with the shortest sequence (`asm_thumb_mov_reg_i32_optimised`).
    pub fn mov_reg_i32_optimised(&mut self, reg_dest: Reg, i32: i32) {
        let value = i32 as u32;
        if reg_dest < 8 && unsigned_fits(value.into(), 8) {
            self.mov_rlo_i8(reg_dest, value);
        } else if self.allow_armv7m() {
            if unsigned_fits(value.into(), 16) {
                self.mov_reg_i16(MovHalf::Movw, reg_dest, value.into());
            } else {
                self.mov_reg_i32(reg_dest, value);
            }
        } else {
            if !self.check_lo("mov_reg_i32_optimised", &[reg_dest]) {
                return;
            }
            // Negate negative numbers. The reference means to exclude 0x80000000 with
            // `(i32 + i32) & 0xffffffff`, but that signed overflow is undefined and the gcc-built
            // mpy-cross negates it too (`movs #255; lsls #31; negs`), so 0x80000000 is negated here.
            let mut negate = i32 < 0;
            let mut i32 = if negate { i32.wrapping_neg() } else { i32 };
            let clz = (i32 as u32).leading_zeros();
            let ctz = if i32 != 0 { i32.trailing_zeros() } else { 0 };
            if clz + ctz >= 24 {
                // The reference shifts the signed value (arithmetic), then masks.
                self.mov_rlo_i8(reg_dest, ((i32 >> ctz) & 0xff) as u32);
                self.lsl_rlo_rlo_i5(reg_dest, reg_dest, ctz);
            } else if unsigned_fits(u64::from(i32 as u32), 16) {
                self.mov_rlo_i16(reg_dest, i32.into());
            } else {
                if negate {
                    // No point negating when the full 32 bits are stored anyway.
                    negate = false;
                    i32 = i32.wrapping_neg();
                }
                self.mov_reg_i32(reg_dest, i32 as u32);
            }
            if negate {
                self.format_4(AluOp::Neg, reg_dest, reg_dest);
            }
        }
    }

    fn local_word_offset(&mut self, local_num: u32) -> UImm<8> {
        match UImm::<8>::maybe_from(local_num) {
            Some(offset) => offset,
            None => {
                if self.base.pass() == AsmPass::Emit {
                    self.base.set_error(AsmError::TooManyLocals);
                }
                UImm::<8>::maybe_from(local_num & 0xff).expect("masked to 8 bits")
            }
        }
    }

    /// `str rlo_src, [sp, #local_num * 4]` (`asm_thumb_mov_local_reg`).
    pub fn mov_local_reg_thumb(&mut self, local_num: u32, rlo_src: Reg) {
        let offset = self.local_word_offset(local_num);
        if self.check_lo("mov_local_reg", &[rlo_src]) {
            self.op16(str_to_sp(rlo_src.into(), offset));
        }
    }

    /// `ldr rlo_dest, [sp, #local_num * 4]` (`asm_thumb_mov_reg_local`).
    pub fn mov_reg_local_thumb(&mut self, rlo_dest: Reg, local_num: u32) {
        let offset = self.local_word_offset(local_num);
        if self.check_lo("mov_reg_local", &[rlo_dest]) {
            self.op16(ldr_from_sp(rlo_dest.into(), offset));
        }
    }

    /// `add rlo_dest, sp, #local_num * 4` (`asm_thumb_mov_reg_local_addr`; unchecked, masked).
    pub fn mov_reg_local_addr_thumb(&mut self, rlo_dest: Reg, local_num: u32) {
        if self.check_lo("mov_reg_local_addr", &[rlo_dest]) {
            let offset = UImm::<8>::maybe_from(local_num & 0xff).expect("masked to 8 bits");
            self.op16(add_reg_sp(rlo_dest.into(), offset));
        }
    }

    /// The address of `label` with bit 0 set, PC-relative (`asm_thumb_mov_reg_pcrel`; always 8
    /// bytes on armv7m, 10 on armv6m).
    pub fn mov_reg_pcrel_thumb(&mut self, rlo_dest: Reg, label: Label) {
        let mut rel = self.base.label_dest(label) - self.base.pos();
        rel |= 1; // stay in Thumb state when jumping there
        if self.allow_armv7m() {
            rel -= 6 + 4; // movw, sxth, then the PC+4 of the add
            self.mov_reg_i16(MovHalf::Movw, rlo_dest, rel);
            self.sxth(rlo_dest, rlo_dest);
        } else {
            rel -= 8 + 4; // movs, lsls, adds, sxth, then the PC+4 of the add
            self.mov_rlo_i16(rlo_dest, rel);
            // Not always needed, but keeps the size fixed.
            self.sxth(rlo_dest, rlo_dest);
        }
        self.op16(add_reg_reg(rlo_dest.into(), u32::from(REG_PC)));
    }

    fn sxth(&mut self, rlo_dest: Reg, rlo_src: Reg) {
        if self.check_lo("sxth", &[rlo_dest, rlo_src]) {
            self.op16(format_11(ExtendOp::Sxth, rlo_dest.into(), rlo_src.into()));
        }
    }

    /// `reg_dest = reg_base + (offset << offset_shift)` with low registers only
    /// (`asm_thumb_add_reg_reg_offset`).
    fn add_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, offset: u32, offset_shift: u32) {
        if !self.check_lo("add_reg_reg_offset", &[reg_dest, reg_base]) {
            return;
        }
        let scaled = offset << offset_shift;
        if scaled < 256 {
            if reg_dest != reg_base {
                self.mov_reg_reg_thumb(reg_dest, reg_base);
            }
            self.add_rlo_i8(reg_dest, scaled);
        } else if unsigned_fits(offset.into(), 8) && reg_dest != reg_base {
            self.mov_rlo_i8(reg_dest, offset);
            self.lsl_rlo_rlo_i5(reg_dest, reg_dest, offset_shift);
            self.format_2_reg(AddSubOp::Add, reg_dest, reg_dest, reg_base);
        } else if reg_dest != reg_base {
            self.mov_reg_i32_optimised(reg_dest, scaled as i32);
            self.format_2_reg(AddSubOp::Add, reg_dest, reg_dest, reg_base);
        } else {
            let reg_other = reg_dest ^ 7;
            self.op16(push(1 << reg_other, false));
            self.mov_reg_i32_optimised(reg_other, scaled as i32);
            self.format_2_reg(AddSubOp::Add, reg_dest, reg_dest, reg_other);
            self.op16(pop(1 << reg_other, false));
        }
    }

    /// Load `1 << size_log2` bytes from `reg_base + (offset << size_log2)`, zero-extended
    /// (`asm_thumb_load_reg_reg_offset`): Thumb-1 `ldr` when the offset fits 5 bits, `ldr.w` on
    /// armv7m when it fits 12, else an address computation.
    pub fn load_reg_reg_offset_thumb(
        &mut self,
        reg_dest: Reg,
        reg_base: Reg,
        offset: u32,
        size_log2: u32,
    ) {
        debug_assert!(size_log2 <= 2);
        let op = ImmOffsetOp::load(size_log2);
        if let (Some(i5), true) = (UImm::<5>::maybe_from(offset), reg_dest < 8 && reg_base < 8) {
            self.op16(format_9_10(op, reg_dest.into(), reg_base.into(), i5));
        } else if let (true, Some(i12)) = (
            self.allow_armv7m(),
            UImm::<12>::maybe_from(offset << size_log2),
        ) {
            self.op32(ldr_str_w(
                true,
                size_log2,
                reg_dest.into(),
                reg_base.into(),
                i12,
            ));
        } else {
            self.add_reg_reg_offset(reg_dest, reg_base, offset.wrapping_sub(31), size_log2);
            self.format_9_10(op, reg_dest, reg_dest, 31);
        }
    }

    /// Store `1 << size_log2` bytes to `reg_base + (offset << size_log2)`
    /// (`asm_thumb_store_reg_reg_offset`); the long form saves and restores `reg_base`.
    pub fn store_reg_reg_offset_thumb(
        &mut self,
        reg_src: Reg,
        reg_base: Reg,
        offset: u32,
        size_log2: u32,
    ) {
        debug_assert!(size_log2 <= 2);
        let op = ImmOffsetOp::store(size_log2);
        if let (Some(i5), true) = (UImm::<5>::maybe_from(offset), reg_src < 8 && reg_base < 8) {
            self.op16(format_9_10(op, reg_src.into(), reg_base.into(), i5));
        } else if let (true, Some(i12)) = (
            self.allow_armv7m(),
            UImm::<12>::maybe_from(offset << size_log2),
        ) {
            self.op32(ldr_str_w(
                false,
                size_log2,
                reg_src.into(),
                reg_base.into(),
                i12,
            ));
        } else {
            if !self.check_lo("store_reg_reg_offset", &[reg_base]) {
                return;
            }
            self.op16(push(1 << reg_base, false));
            self.add_reg_reg_offset(reg_base, reg_base, offset.wrapping_sub(31), size_log2);
            self.format_9_10(op, reg_src, reg_base, 31);
            self.op16(pop(1 << reg_base, false));
        }
    }

    /// Unconditional jump, narrow when a backward target is in range (`asm_thumb_b_label`).
    /// Forward jumps are `b.w` on armv7m; on armv6m a fixed 8/10-byte sequence that may clobber r1.
    pub fn b_label(&mut self, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let mut rel = self.rel_to(label);
        if known && rel <= -4 && signed_fits(rel, 12) {
            self.op16(b_n(rel));
            return;
        }
        if self.allow_armv7m() {
            self.op32(b_w(rel));
            return;
        }
        // Same size whatever rel is: the compute pass does not know forward targets.
        let need_align = self.base.code_pos() & 2 != 0;
        if signed_fits(rel, 12) {
            self.op16(b_n(rel));
            self.op16(OP_NOP);
            self.op16(OP_NOP);
            self.op16(OP_NOP);
            if need_align {
                self.op16(OP_NOP);
            }
        } else {
            // (nop); ldr r1, [pc, #0]; add pc, r1; .word rel. r0 may hold the return value.
            rel -= 2;
            if need_align {
                self.op16(OP_NOP);
                rel -= 2;
            }
            self.ldr_rlo_pcrel_i8(1, 0);
            self.op16(add_reg_reg(u32::from(REG_PC), 1));
            self.op16(rel as u16);
            self.op16((rel >> 16) as u16);
        }
    }

    /// Conditional jump (`asm_thumb_bcc_label`): narrow for an in-range backward target, else
    /// `b<cond>.w` on armv7m, else the inverted narrow branch over an armv6m [`Thumb::b_label`].
    pub fn bcc_label(&mut self, cond: Cond, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let rel = self.rel_to(label);
        if known && rel <= -4 && signed_fits(rel, 9) {
            self.op16(bcc_n(cond, rel));
            return;
        }
        if self.allow_armv7m() {
            self.op32(bcc_w(cond, rel));
            return;
        }
        let start = self.base.pos();
        let slot = self.base.reserve(2);
        self.b_label(label);
        let bytes_to_skip = self.base.pos() - start;
        let op = bcc_n(cond.invert(), bytes_to_skip - 4);
        if let Some(at) = slot {
            self.base.patch(at, &op.to_le_bytes());
        }
    }

    /// `b<cond>.n` to `rel` bytes from this instruction (`asm_thumb_bcc_rel9`).
    pub fn bcc_rel9(&mut self, cond: Cond, rel: i64) {
        let rel = rel - 4;
        debug_assert!(signed_fits(rel, 9));
        self.op16(bcc_n(cond, rel));
    }

    /// `b.n` to `rel` bytes from this instruction (`asm_thumb_b_rel12`).
    pub fn b_rel12(&mut self, rel: i64) {
        let rel = rel - 4;
        debug_assert!(signed_fits(rel, 12));
        self.op16(b_n(rel));
    }

    /// Call `mp_fun_table[fun_id]` through `reg_temp` (`asm_thumb_bl_ind`).
    pub fn bl_ind(&mut self, fun_id: u32, reg_temp: Reg) {
        self.load_reg_reg_offset_thumb(reg_temp, REG_FUN_TABLE, fun_id, 2);
        self.op16(blx(reg_temp.into()));
    }
}

impl NativeAsm for Thumb {
    const WORD_SIZE: usize = 4;
    const REG_RET: Reg = 0;
    const REG_ARG_1: Reg = 0;
    const REG_ARG_2: Reg = 1;
    const REG_ARG_3: Reg = 2;
    const REG_ARG_4: Reg = 3;
    const REG_TEMP0: Reg = 0;
    const REG_TEMP1: Reg = 1;
    const REG_TEMP2: Reg = 2;
    const REG_LOCAL_1: Reg = 4;
    const REG_LOCAL_2: Reg = 5;
    const REG_LOCAL_3: Reg = 6;
    const REG_FUN_TABLE: Reg = REG_FUN_TABLE;

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_thumb(num_locals);
    }
    fn exit(&mut self) {
        self.exit_thumb();
    }

    fn jump(&mut self, label: Label) {
        self.b_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_rlo_i8(reg, 0);
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_rlo_i8(reg, 0);
        self.bcc_label(Cond::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.format_4(AluOp::Cmp, reg1, reg2);
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.op16(bx(reg.into()));
    }
    fn call_ind(&mut self, fun_id: u32) {
        self.bl_ind(fun_id, 3);
    }
    fn call_ind_keep_args(&mut self, fun_id: u32) {
        self.bl_ind(fun_id, 4);
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_local_reg_thumb(local_num, reg_src);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as i32);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_thumb(reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mov_reg_reg_thumb(reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_addr_thumb(reg_dest, local_num);
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_thumb(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.mov_rlo_i8(reg_dest, 0);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.format_4(AluOp::Mvn, reg, reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.format_4(AluOp::Neg, reg, reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.format_4(AluOp::Lsl, reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.format_4(AluOp::Lsr, reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.format_4(AluOp::Asr, reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_4(AluOp::Orr, reg_dest, reg_src);
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_4(AluOp::Eor, reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_4(AluOp::And, reg_dest, reg_src);
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_2_reg(AddSubOp::Add, reg_dest, reg_dest, reg_src);
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_2_reg(AddSubOp::Sub, reg_dest, reg_dest, reg_src);
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.format_4(AluOp::Mul, reg_dest, reg_src);
    }

    fn compare_set(
        &mut self,
        op: CompareOp,
        unsigned: bool,
        reg_dest: Reg,
        reg_lhs: Reg,
        reg_rhs: Reg,
    ) {
        let cond = match (op, unsigned) {
            (CompareOp::Less, true) => Cond::Cc,
            (CompareOp::More, true) => Cond::Hi,
            (CompareOp::LessEqual, true) => Cond::Ls,
            (CompareOp::MoreEqual, true) => Cond::Cs,
            (CompareOp::Less, false) => Cond::Lt,
            (CompareOp::More, false) => Cond::Gt,
            (CompareOp::LessEqual, false) => Cond::Le,
            (CompareOp::MoreEqual, false) => Cond::Ge,
            (CompareOp::Equal, _) => Cond::Eq,
            (CompareOp::NotEqual, _) => Cond::Ne,
        };
        self.format_4(AluOp::Cmp, reg_lhs, reg_rhs);
        if self.allow_armv7m() {
            self.op16(ite(cond));
            self.mov_rlo_i8(reg_dest, 1);
            self.mov_rlo_i8(reg_dest, 0);
        } else {
            self.bcc_rel9(cond, 6);
            self.mov_rlo_i8(reg_dest, 0);
            self.b_rel12(4);
            self.mov_rlo_i8(reg_dest, 1);
        }
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_thumb(reg_dest, reg_base, word_offset, 2);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.load_reg_reg_offset_thumb(reg_dest, reg_base, byte_offset, 0);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.load_reg_reg_offset_thumb(reg_dest, reg_base, halfword_offset, 1);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_thumb(reg_dest, reg_base, word_offset, 2);
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_thumb(reg_src, reg_base, word_offset, 2);
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.store_reg_reg_offset_thumb(reg_src, reg_base, byte_offset, 0);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.store_reg_reg_offset_thumb(reg_src, reg_base, halfword_offset, 1);
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_thumb(reg_src, reg_base, word_offset, 2);
    }

    fn load8_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.format_7_8(RegOffsetOp::Ldrb, reg_dest, reg_base, reg_index);
    }
    fn load16_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.lsl_rlo_rlo_i5(Self::REG_TEMP2, reg_index, 1);
        self.format_7_8(RegOffsetOp::Ldrh, reg_dest, reg_base, Self::REG_TEMP2);
    }
    fn load32_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.lsl_rlo_rlo_i5(Self::REG_TEMP2, reg_index, 2);
        self.format_7_8(RegOffsetOp::Ldr, reg_dest, reg_base, Self::REG_TEMP2);
    }
    fn store8_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.format_7_8(RegOffsetOp::Strb, reg_val, reg_base, reg_index);
    }
    fn store16_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.store_scaled_index(RegOffsetOp::Strh, 1, reg_val, reg_base, reg_index);
    }
    fn store32_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.store_scaled_index(RegOffsetOp::Str, 2, reg_val, reg_base, reg_index);
    }
}

impl Thumb {
    /// `push {index}; lsls index, #shift; str<h> val, [base, index]; pop {index}`
    /// (`ASM_STORE16_REG_REG_REG`, `ASM_STORE32_REG_REG_REG`).
    fn store_scaled_index(
        &mut self,
        op: RegOffsetOp,
        shift: u32,
        reg_val: Reg,
        reg_base: Reg,
        reg_index: Reg,
    ) {
        if !self.check_lo("store_reg_reg_reg", &[reg_val, reg_base, reg_index]) {
            return;
        }
        self.op16(push(1 << reg_index, false));
        self.lsl_rlo_rlo_i5(reg_index, reg_index, shift);
        self.format_7_8(op, reg_val, reg_base, reg_index);
        self.op16(pop(1 << reg_index, false));
    }
}
