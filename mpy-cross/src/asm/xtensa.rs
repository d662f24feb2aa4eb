//! Xtensa assembler, call0 ABI (`xtensa`, ESP8266) and windowed ABI (`xtensawin`, ESP32)
//! (after py/asmxtensa.[ch], plus the raw encodings py/emitinlinextensa.c builds).
//!
//! Encoders return the 24-bit (or 16-bit "narrow") instruction word, stored little endian.
//! 32-bit constants that do not fit `movi` live in a literal table at the start of the function,
//! loaded with `l32r`; its size is only known after a pass, so the table size of one pass is used
//! by the next ([`Xtensa::end_pass`]), exactly as the reference does.

use super::{signed_fits, AsmBase, AsmError, CompareOp, Label, NativeAsm, Reg, SImm, UImm};

/// `a0`: return address.
pub const A0: Reg = 0;
/// `a1`: stack pointer.
pub const A1: Reg = 1;
/// `a8`: scratch for windowed calls.
pub const A8: Reg = 8;
/// `a9`: scratch for large stack adjustments.
pub const A9: Reg = 9;
/// `a15`: `mp_fun_table` pointer, call0 ABI (`ASM_XTENSA_REG_FUN_TABLE`).
pub const REG_FUN_TABLE: Reg = 15;
/// `a7`: `mp_fun_table` pointer, windowed ABI (`ASM_XTENSA_REG_FUN_TABLE_WIN`).
pub const REG_FUN_TABLE_WIN: Reg = 7;

/// Conditions of `b<cc>` register-register branches (`ASM_XTENSA_CC_*`); the value is the `r` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// `bnone`.
    None = 0,
    /// `beq`.
    Eq = 1,
    /// `blt`.
    Lt = 2,
    /// `bltu`.
    Ltu = 3,
    /// `ball`.
    All = 4,
    /// `bbc`.
    Bc = 5,
    /// `bany`.
    Any = 8,
    /// `bne`.
    Ne = 9,
    /// `bge`.
    Ge = 10,
    /// `bgeu`.
    Geu = 11,
    /// `bnall`.
    Nall = 12,
    /// `bbs`.
    Bs = 13,
}

impl Cond {
    /// Every condition with the mnemonic `@micropython.asm_xtensa` spells (`BRANCH_OPCODE_NAMES`).
    pub const NAMED: [(&'static str, Self); 12] = [
        ("bnone", Self::None),
        ("beq", Self::Eq),
        ("blt", Self::Lt),
        ("bltu", Self::Ltu),
        ("ball", Self::All),
        ("bbc", Self::Bc),
        ("bany", Self::Any),
        ("bne", Self::Ne),
        ("bge", Self::Ge),
        ("bgeu", Self::Geu),
        ("bnall", Self::Nall),
        ("bbs", Self::Bs),
    ];

    /// The opposite condition (`cond ^ 8`).
    #[must_use]
    pub const fn invert(self) -> Self {
        match self {
            Self::None => Self::Any,
            Self::Eq => Self::Ne,
            Self::Lt => Self::Ge,
            Self::Ltu => Self::Geu,
            Self::All => Self::Nall,
            Self::Bc => Self::Bs,
            Self::Any => Self::None,
            Self::Ne => Self::Eq,
            Self::Ge => Self::Lt,
            Self::Geu => Self::Ltu,
            Self::Nall => Self::All,
            Self::Bs => Self::Bc,
        }
    }
}

/// Conditions of compare-with-zero branches (`ASM_XTENSA_CCZ_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CondZ {
    /// `beqz`.
    Eq = 0,
    /// `bnez`.
    Ne = 1,
    /// `bltz`.
    Lt = 2,
    /// `bgez`.
    Ge = 3,
}

impl CondZ {
    /// The opposite condition (`cond ^ 1`).
    #[must_use]
    pub const fn invert(self) -> Self {
        match self {
            Self::Eq => Self::Ne,
            Self::Ne => Self::Eq,
            Self::Lt => Self::Ge,
            Self::Ge => Self::Lt,
        }
    }
}

fn debug_check(fields: &[(u32, u32)]) {
    debug_assert!(
        fields.iter().all(|&(v, bits)| v >> bits == 0),
        "field too wide: {fields:?}"
    );
}

/// RRR format: `op2 | op1 | r | s | t | op0`.
#[must_use]
pub fn rrr(op0: u32, op1: u32, op2: u32, r: u32, s: u32, t: u32) -> u32 {
    debug_check(&[(op0, 4), (op1, 4), (op2, 4), (r, 4), (s, 4), (t, 4)]);
    (op2 << 20) | (op1 << 16) | (r << 12) | (s << 8) | (t << 4) | op0
}

/// RRI8 format: `imm8 | r | s | t | op0`.
#[must_use]
pub fn rri8(op0: u32, r: u32, s: u32, t: u32, imm8: u32) -> u32 {
    debug_check(&[(op0, 4), (r, 4), (s, 4), (t, 4), (imm8, 8)]);
    (imm8 << 16) | (r << 12) | (s << 8) | (t << 4) | op0
}

/// RI16 format: `imm16 | t | op0`.
#[must_use]
pub fn ri16(op0: u32, t: u32, imm16: u32) -> u32 {
    debug_check(&[(op0, 4), (t, 4), (imm16, 16)]);
    (imm16 << 8) | (t << 4) | op0
}

/// RSR format: `op2 | op1 | rs | t | op0` (special-register access).
#[must_use]
pub fn rsr(op0: u32, op1: u32, op2: u32, rs: u32, t: u32) -> u32 {
    debug_check(&[(op0, 4), (op1, 4), (op2, 4), (rs, 8), (t, 4)]);
    (op2 << 20) | (op1 << 16) | (rs << 8) | (t << 4) | op0
}

/// CALL format: `offset | n | op0` (18-bit offset).
#[must_use]
pub fn call(op0: u32, n: u32, offset: u32) -> u32 {
    debug_check(&[(op0, 4), (n, 2), (offset, 18)]);
    (offset << 6) | (n << 4) | op0
}

/// CALLX format.
#[must_use]
pub fn callx(op0: u32, op1: u32, op2: u32, r: u32, s: u32, m: u32, n: u32) -> u32 {
    debug_check(&[(op0, 4), (op1, 4), (op2, 4), (r, 4), (s, 4), (m, 2), (n, 2)]);
    (op2 << 20) | (op1 << 16) | (r << 12) | (s << 8) | (m << 6) | (n << 4) | op0
}

/// BRI8 format.
#[must_use]
pub fn bri8(op0: u32, r: u32, s: u32, m: u32, n: u32, imm8: u32) -> u32 {
    debug_check(&[(op0, 4), (r, 4), (s, 4), (m, 2), (n, 2), (imm8, 8)]);
    (imm8 << 16) | (r << 12) | (s << 8) | (m << 6) | (n << 4) | op0
}

/// BRI12 format.
#[must_use]
pub fn bri12(op0: u32, s: u32, m: u32, n: u32, imm12: u32) -> u32 {
    debug_check(&[(op0, 4), (s, 4), (m, 2), (n, 2), (imm12, 12)]);
    (imm12 << 12) | (s << 8) | (m << 6) | (n << 4) | op0
}

/// RRRN format (16-bit).
#[must_use]
pub fn rrrn(op0: u32, r: u32, s: u32, t: u32) -> u16 {
    debug_check(&[(op0, 4), (r, 4), (s, 4), (t, 4)]);
    ((r << 12) | (s << 8) | (t << 4) | op0) as u16
}

/// RI7 format (16-bit; `movi.n`).
#[must_use]
pub fn ri7(op0: u32, s: u32, imm7: u32) -> u16 {
    debug_check(&[(op0, 4), (s, 4), (imm7, 7)]);
    (((imm7 & 0xf) << 12) | (s << 8) | (imm7 & 0x70) | op0) as u16
}

/// The immediate of `movi.n`: -32..=95.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoviNImm(i32);

impl MoviNImm {
    /// `Some` when `value` is in -32..=95.
    #[must_use]
    pub const fn maybe_from(value: i64) -> Option<Self> {
        if -32 <= value && value <= 95 {
            Some(Self(value as i32))
        } else {
            None
        }
    }
}

/// `entry a<reg_src>, num_bytes` (bytes must be a multiple of 8; `asm_xtensa_op_entry`).
#[must_use]
pub fn op_entry(reg_src: u32, num_bytes: u32) -> u32 {
    bri12(6, reg_src, 0, 3, (num_bytes / 8) & 0xfff)
}

/// `add.n reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_add_n(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u16 {
    rrrn(10, reg_dest, reg_src_a, reg_src_b)
}

/// `addi reg_dest, reg_src, imm8`.
#[must_use]
pub fn op_addi(reg_dest: u32, reg_src: u32, imm8: SImm<8>) -> u32 {
    rri8(2, 12, reg_src, reg_dest, imm8.bits())
}

/// `addx2 reg_dest, reg_src_a, reg_src_b` (`dest = a * 2 + b`).
#[must_use]
pub fn op_addx2(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 9, reg_dest, reg_src_a, reg_src_b)
}

/// `addx4 reg_dest, reg_src_a, reg_src_b` (`dest = a * 4 + b`).
#[must_use]
pub fn op_addx4(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 10, reg_dest, reg_src_a, reg_src_b)
}

/// `and reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_and(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 1, reg_dest, reg_src_a, reg_src_b)
}

/// `b<cond> reg_src1, reg_src2, rel8` (`rel8` from the instruction + 4).
#[must_use]
pub fn op_bcc(cond: Cond, reg_src1: u32, reg_src2: u32, rel8: i64) -> u32 {
    rri8(7, cond as u32, reg_src1, reg_src2, (rel8 & 0xff) as u32)
}

/// `b<cond>z reg_src, rel12`.
#[must_use]
pub fn op_bccz(cond: CondZ, reg_src: u32, rel12: i64) -> u32 {
    bri12(6, reg_src, cond as u32, 1, (rel12 & 0xfff) as u32)
}

/// `call0 rel18` (in words from the aligned PC).
#[must_use]
pub fn op_call0(rel18: i64) -> u32 {
    call(5, 0, (rel18 & 0x3ffff) as u32)
}

/// `callx0 reg`.
#[must_use]
pub fn op_callx0(reg: u32) -> u32 {
    callx(0, 0, 0, 0, reg, 3, 0)
}

/// `callx8 reg`.
#[must_use]
pub fn op_callx8(reg: u32) -> u32 {
    callx(0, 0, 0, 0, reg, 3, 2)
}

/// `j rel18` (from the instruction + 4).
#[must_use]
pub fn op_j(rel18: i64) -> u32 {
    call(6, 0, (rel18 & 0x3ffff) as u32)
}

/// `jx reg`.
#[must_use]
pub fn op_jx(reg: u32) -> u32 {
    callx(0, 0, 0, 0, reg, 2, 2)
}

/// `l8ui`/`l16ui`/`l32i reg_dest, reg_base, offset` (`size_log2` 0..=2; offset in access units).
#[must_use]
pub fn op_load(size_log2: u32, reg_dest: u32, reg_base: u32, offset: UImm<8>) -> u32 {
    debug_assert!(size_log2 <= 2);
    rri8(2, size_log2, reg_base, reg_dest, offset.get())
}

/// `s8i`/`s16i`/`s32i reg_src, reg_base, offset`.
#[must_use]
pub fn op_store(size_log2: u32, reg_src: u32, reg_base: u32, offset: UImm<8>) -> u32 {
    debug_assert!(size_log2 <= 2);
    rri8(2, 4 | size_log2, reg_base, reg_src, offset.get())
}

/// `l32i.n reg_dest, reg_base, word_offset * 4`.
#[must_use]
pub fn op_l32i_n(reg_dest: u32, reg_base: u32, word_offset: UImm<4>) -> u16 {
    rrrn(8, word_offset.get(), reg_base, reg_dest)
}

/// `s32i.n reg_src, reg_base, word_offset * 4`.
#[must_use]
pub fn op_s32i_n(reg_src: u32, reg_base: u32, word_offset: UImm<4>) -> u16 {
    rrrn(9, word_offset.get(), reg_base, reg_src)
}

/// `l32r reg_dest, <literal at dest_off>` for an instruction at `op_off` (`asm_xtensa_op_l32r`).
#[must_use]
pub fn op_l32r(reg_dest: u32, op_off: i64, dest_off: i64) -> u32 {
    let words = (dest_off - ((op_off + 3) & !3)) >> 2;
    ri16(1, reg_dest, (words & 0xffff) as u32)
}

/// `mov.n reg_dest, reg_src`.
#[must_use]
pub fn op_mov_n(reg_dest: u32, reg_src: u32) -> u16 {
    rrrn(13, 0, reg_src, reg_dest)
}

/// `movi reg_dest, imm12`.
#[must_use]
pub fn op_movi(reg_dest: u32, imm12: SImm<12>) -> u32 {
    let imm = imm12.bits();
    rri8(2, 10, (imm >> 8) & 0xf, reg_dest, imm & 0xff)
}

/// `movi.n reg_dest, imm` (-32..=95).
#[must_use]
pub fn op_movi_n(reg_dest: u32, imm: MoviNImm) -> u16 {
    ri7(12, reg_dest, (imm.0 as u32) & 0x7f)
}

/// `mull reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_mull(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 2, 8, reg_dest, reg_src_a, reg_src_b)
}

/// `neg reg_dest, reg_src`.
#[must_use]
pub fn op_neg(reg_dest: u32, reg_src: u32) -> u32 {
    rrr(0, 0, 6, reg_dest, 0, reg_src)
}

/// `or reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_or(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 2, reg_dest, reg_src_a, reg_src_b)
}

/// `ret.n`.
#[must_use]
pub fn op_ret_n() -> u16 {
    rrrn(13, 15, 0, 0)
}

/// `retw.n`.
#[must_use]
pub fn op_retw_n() -> u16 {
    rrrn(13, 15, 0, 1)
}

/// `sll reg_dest, reg_src` (by SAR).
#[must_use]
pub fn op_sll(reg_dest: u32, reg_src: u32) -> u32 {
    rrr(0, 1, 10, reg_dest, reg_src, 0)
}

/// `srl reg_dest, reg_src` (by SAR).
#[must_use]
pub fn op_srl(reg_dest: u32, reg_src: u32) -> u32 {
    rrr(0, 1, 9, reg_dest, 0, reg_src)
}

/// `sra reg_dest, reg_src` (by SAR).
#[must_use]
pub fn op_sra(reg_dest: u32, reg_src: u32) -> u32 {
    rrr(0, 1, 11, reg_dest, 0, reg_src)
}

/// `ssl reg_src`: SAR = 32 - reg (for a left shift).
#[must_use]
pub fn op_ssl(reg_src: u32) -> u32 {
    rrr(0, 0, 4, 1, reg_src, 0)
}

/// `ssr reg_src`: SAR = reg (for a right shift).
#[must_use]
pub fn op_ssr(reg_src: u32) -> u32 {
    rrr(0, 0, 4, 0, reg_src, 0)
}

/// `sub reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_sub(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 12, reg_dest, reg_src_a, reg_src_b)
}

/// `xor reg_dest, reg_src_a, reg_src_b`.
#[must_use]
pub fn op_xor(reg_dest: u32, reg_src_a: u32, reg_src_b: u32) -> u32 {
    rrr(0, 0, 3, reg_dest, reg_src_a, reg_src_b)
}

/// `ssai sa` (shift amount immediate, 0..=31; inline assembler).
#[must_use]
pub fn op_ssai(sa: u32) -> u32 {
    debug_assert!(sa < 32);
    rrr(0, 0, 4, 4, sa & 0x0f, (sa >> 4) & 0x01)
}

/// `addi.n reg_dest, reg_src, imm` for imm in -1..=15 as the inline assembler encodes it.
///
/// The reference passes -1 (for both -1 and 0) straight into the `t` field, where it sign-extends
/// over `r` and `s`: those two values always come out as `0xfffb` (`addi.n a15, a15, -1`),
/// whatever the registers. That is reproduced here.
#[must_use]
pub fn op_addi_n(reg_dest: u32, reg_src: u32, imm: i32) -> u16 {
    debug_assert!((-1..=15).contains(&imm) && reg_dest < 16 && reg_src < 16);
    if imm >= 1 {
        rrrn(11, reg_dest, reg_src, imm as u32)
    } else {
        0xfffb
    }
}

/// `addmi reg_dest, reg_src, imm8 * 256`.
#[must_use]
pub fn op_addmi(reg_dest: u32, reg_src: u32, imm8: SImm<8>) -> u32 {
    rri8(2, 13, reg_src, reg_dest, imm8.bits())
}

/// `slli reg_dest, reg_src, shift` (1..=31).
#[must_use]
pub fn op_slli(reg_dest: u32, reg_src: u32, shift: u32) -> u32 {
    debug_assert!((1..32).contains(&shift));
    let bits = 32 - shift;
    rrr(0, 1, (bits >> 4) & 0x01, reg_dest, reg_src, bits & 0x0f)
}

/// `srai reg_dest, reg_src, shift` (0..=31).
#[must_use]
pub fn op_srai(reg_dest: u32, reg_src: u32, shift: u32) -> u32 {
    debug_assert!(shift < 32);
    rrr(
        0,
        1,
        2 | ((shift >> 4) & 0x01),
        reg_dest,
        shift & 0x0f,
        reg_src,
    )
}

/// `srli reg_dest, reg_src, shift` (0..=15).
#[must_use]
pub fn op_srli(reg_dest: u32, reg_src: u32, shift: u32) -> u32 {
    rrr(0, 1, 4, reg_dest, shift, reg_src)
}

/// `bbci`/`bbsi reg, bit, rel8` (`condition` 6 = bbci, 14 = bbsi; `asm_xtensa_bit_branch`).
#[must_use]
pub fn op_bit_branch(condition: u32, reg: u32, bit: u32, rel8: i64) -> u32 {
    debug_assert!(bit < 32 && (condition == 6 || condition == 14));
    rri8(
        7,
        condition | ((bit >> 4) & 0x01),
        reg,
        bit & 0x0f,
        (rel8 & 0xff) as u32,
    )
}

/// Number of registers the call0 prologue saves (a0, a12..a15; `ASM_XTENSA_NUM_REGS_SAVED`).
pub const NUM_REGS_SAVED: u32 = 5;
/// Number of registers the windowed prologue saves (a0; `ASM_XTENSA_NUM_REGS_SAVED_WIN`).
pub const NUM_REGS_SAVED_WIN: u32 = 1;

/// The Xtensa assembler (`asm_xtensa_t`). `WINDOWED` selects the register assignment and the
/// prologue/epilogue/call of the generic interface: `false` = call0 ABI (`-march=xtensa`),
/// `true` = windowed ABI with window size 8 (`-march=xtensawin`).
#[derive(Clone, Debug)]
pub struct Xtensa<const WINDOWED: bool> {
    base: AsmBase,
    cur_const: u32,
    num_const: u32,
    const_table: Option<usize>,
    stack_adjust: u32,
}

/// The call0-ABI assembler (`-march=xtensa`).
pub type XtensaCall0 = Xtensa<false>;
/// The windowed-ABI assembler (`-march=xtensawin`).
pub type XtensaWin = Xtensa<true>;

impl<const WINDOWED: bool> Xtensa<WINDOWED> {
    /// An assembler with room for `max_num_labels` labels.
    #[must_use]
    pub fn new(max_num_labels: usize) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
            cur_const: 0,
            num_const: 0,
            const_table: None,
            stack_adjust: 0,
        }
    }

    /// The scratch register of the long store sequence (`REG_TEMP` in py/asmxtensa.c): a6 for
    /// both ABIs. asmxtensa.c is compiled once, without `N_XTENSAWIN`, so the windowed choice
    /// (a12) is never taken; `-march=xtensawin` output confirms a6.
    const REG_TEMP: Reg = 6;

    /// Emit a 16-bit instruction (`asm_xtensa_op16`).
    pub fn op16(&mut self, op: u16) {
        self.base.write(&op.to_le_bytes());
    }

    /// Emit a 24-bit instruction (`asm_xtensa_op24`).
    pub fn op24(&mut self, op: u32) {
        debug_assert!(op >> 24 == 0);
        let [a, b, c, _] = op.to_le_bytes();
        self.base.write(&[a, b, c]);
    }

    /// End of a pass (`asm_xtensa_end_pass`): the constants counted become the literal table size
    /// of the next pass.
    pub fn end_pass_xtensa(&mut self) {
        self.num_const = self.cur_const;
        self.cur_const = 0;
    }

    /// `j` over the literal table and reserve it (one padding byte then the words).
    fn literal_table(&mut self) {
        if self.num_const > 0 {
            self.op24(op_j(i64::from(self.num_const) * 4 + 4 - 4));
            self.base.reserve(1);
            self.const_table = self.base.reserve(self.num_const as usize * 4);
        } else {
            // The reference keeps a stale pointer into an old buffer; writes through it are lost.
            self.const_table = None;
        }
    }

    fn addi_or_movi(
        &mut self,
        reg_dest: Reg,
        reg_src: Reg,
        imm: i64,
        combine: fn(u32, u32, u32) -> u16,
    ) {
        if let Some(imm8) = SImm::<8>::maybe_from(imm) {
            self.op24(op_addi(reg_dest.into(), reg_src.into(), imm8));
        } else {
            self.movi(A9, imm);
            self.op16(combine(reg_dest.into(), reg_src.into(), u32::from(A9)));
        }
    }

    /// call0 prologue (`asm_xtensa_entry`): literal table, then grow the stack by the saved
    /// registers plus locals, 16-byte aligned, and save a0, a12..a15.
    pub fn entry_call0(&mut self, num_locals: u32) {
        self.literal_table();
        self.stack_adjust = (((NUM_REGS_SAVED + num_locals) * 4) + 15) & !15;
        let adjust = i64::from(self.stack_adjust);
        if let Some(imm8) = SImm::<8>::maybe_from(-adjust) {
            self.op24(op_addi(A1.into(), A1.into(), imm8));
        } else {
            self.movi(A9, adjust);
            self.op24(op_sub(A1.into(), A1.into(), A9.into()));
        }
        self.s32i_n(A0, A1, 0);
        for i in 1..NUM_REGS_SAVED {
            self.s32i_n(11 + i as Reg, A1, i);
        }
    }

    /// call0 epilogue (`asm_xtensa_exit`).
    pub fn exit_call0(&mut self) {
        for i in (1..NUM_REGS_SAVED).rev() {
            self.l32i_n(11 + i as Reg, A1, i);
        }
        self.l32i_n(A0, A1, 0);
        let adjust = i64::from(self.stack_adjust);
        self.addi_or_movi(A1, A1, adjust, op_add_n);
        self.op16(op_ret_n());
    }

    /// Windowed prologue (`asm_xtensa_entry_win`): literal table, `entry a1, N`, save a0.
    pub fn entry_windowed(&mut self, num_locals: u32) {
        self.literal_table();
        self.stack_adjust = 32 + ((((NUM_REGS_SAVED_WIN + num_locals) * 4) + 15) & !15);
        self.op24(op_entry(A1.into(), self.stack_adjust));
        self.s32i_n(A0, A1, 0);
    }

    /// Windowed epilogue (`asm_xtensa_exit_win`).
    pub fn exit_windowed(&mut self) {
        self.l32i_n(A0, A1, 0);
        self.op16(op_retw_n());
    }

    fn movi(&mut self, reg_dest: Reg, imm: i64) {
        // The reference masks to 12 bits.
        let imm12 = SImm::<12>::maybe_from(((imm & 0xfff) ^ 0x800) - 0x800).expect("12 bits");
        self.op24(op_movi(reg_dest.into(), imm12));
    }

    /// `movi reg_dest, imm` (low 12 bits used; `asm_xtensa_op_movi`).
    pub fn op_movi(&mut self, reg_dest: Reg, imm: i64) {
        self.movi(reg_dest, imm);
    }

    /// `movi.n reg_dest, imm` (`asm_xtensa_op_movi_n`; low 7 bits used).
    pub fn op_movi_n(&mut self, reg_dest: Reg, imm: i64) {
        self.op16(ri7(12, reg_dest.into(), (imm & 0x7f) as u32));
    }

    /// `l32i.n reg_dest, reg_base, word_offset * 4` (low 4 bits of the offset used).
    pub fn l32i_n(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        let offset = UImm::<4>::maybe_from(word_offset & 0xf).expect("masked");
        self.op16(op_l32i_n(reg_dest.into(), reg_base.into(), offset));
    }

    /// `s32i.n reg_src, reg_base, word_offset * 4` (low 4 bits of the offset used).
    pub fn s32i_n(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        let offset = UImm::<4>::maybe_from(word_offset & 0xf).expect("masked");
        self.op16(op_s32i_n(reg_src.into(), reg_base.into(), offset));
    }

    fn rri8_masked(&mut self, op0: u32, r: u32, s: Reg, t: Reg, imm: u32) {
        self.op24(rri8(op0, r, s.into(), t.into(), imm & 0xff));
    }

    fn rel_to(&self, label: Label) -> i64 {
        self.base.label_dest(label) - self.base.pos() - 4
    }

    /// `j label` (`asm_xtensa_j_label`; assumed to fit 18 bits).
    pub fn j_label(&mut self, label: Label) {
        let rel = self.rel_to(label);
        self.op24(op_j(rel));
    }

    /// `b<cond>z reg, label` (`asm_xtensa_bccz_reg_label`): direct for an in-range backward
    /// target, else the inverted branch over a `j`.
    pub fn bccz_reg_label(&mut self, cond: CondZ, reg: Reg, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let rel = self.rel_to(label);
        if known && rel < 0 && signed_fits(rel, 12) {
            self.op24(op_bccz(cond, reg.into(), rel));
            return;
        }
        if self.base.is_emit() && !signed_fits(rel - 6, 18) {
            self.base.set_error(AsmError::XtensaOutOfRange("bccz"));
        }
        self.op24(op_bccz(cond.invert(), reg.into(), 6 - 4));
        self.op24(op_j(rel - 3));
    }

    /// `b<cond> reg1, reg2, label` (`asm_xtensa_bcc_reg_reg_label`).
    pub fn bcc_reg_reg_label(&mut self, cond: Cond, reg1: Reg, reg2: Reg, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let rel = self.rel_to(label);
        if known && rel < 0 && signed_fits(rel, 8) {
            self.op24(op_bcc(cond, reg1.into(), reg2.into(), rel));
            return;
        }
        if self.base.is_emit() && !signed_fits(rel - 6, 18) {
            self.base.set_error(AsmError::XtensaOutOfRange("bcc"));
        }
        self.op24(op_bcc(cond.invert(), reg1.into(), reg2.into(), 6 - 4));
        self.op24(op_j(rel - 3));
    }

    /// `reg_dest = (reg_src1 <cond> reg_src2)` as 0/1 (`asm_xtensa_setcc_reg_reg_reg`).
    pub fn setcc_reg_reg_reg(&mut self, cond: Cond, reg_dest: Reg, reg_src1: Reg, reg_src2: Reg) {
        self.op_movi_n(reg_dest, 1);
        self.op24(op_bcc(cond, reg_src1.into(), reg_src2.into(), 1));
        self.op_movi_n(reg_dest, 0);
    }

    /// `l32r` from the literal table, adding `i32` to it (`asm_xtensa_mov_reg_i32`). Returns the
    /// literal's offset. The literal is recorded even in dead code, as in the reference.
    pub fn mov_reg_i32(&mut self, reg_dest: Reg, i32: u32) -> usize {
        let table = self.const_table.unwrap_or(0);
        let loc = table + self.cur_const as usize * 4;
        self.op24(op_l32r(reg_dest.into(), self.base.pos(), loc as i64));
        if self.base.is_emit() && self.const_table.is_some() {
            self.base.patch(loc, &i32.to_le_bytes());
        }
        self.cur_const += 1;
        loc
    }

    /// `movi.n`, `movi` or `l32r`, whichever fits (`asm_xtensa_mov_reg_i32_optimised`).
    pub fn mov_reg_i32_optimised(&mut self, reg_dest: Reg, i32: u32) {
        let signed = i64::from(i32 as i32);
        if let Some(imm) = MoviNImm::maybe_from(signed) {
            self.op16(op_movi_n(reg_dest.into(), imm));
        } else if let Some(imm12) = SImm::<12>::maybe_from(signed) {
            self.op24(op_movi(reg_dest.into(), imm12));
        } else {
            self.mov_reg_i32(reg_dest, i32);
        }
    }

    /// `s32i reg_src, a1, local_num * 4` (`asm_xtensa_mov_local_reg`; the local counts the saved registers).
    pub fn mov_local_reg_xtensa(&mut self, local_num: u32, reg_src: Reg) {
        self.rri8_masked(2, 6, A1, reg_src, local_num);
    }

    /// `l32i reg_dest, a1, local_num * 4` (`asm_xtensa_mov_reg_local`).
    pub fn mov_reg_local_xtensa(&mut self, reg_dest: Reg, local_num: u32) {
        self.rri8_masked(2, 2, A1, reg_dest, local_num);
    }

    /// `reg_dest = a1 + local_num * 4` (`asm_xtensa_mov_reg_local_addr`).
    pub fn mov_reg_local_addr_xtensa(&mut self, reg_dest: Reg, local_num: u32) {
        let off = local_num.wrapping_mul(4);
        if let Some(imm8) = SImm::<8>::maybe_from(i64::from(off)) {
            self.op24(op_addi(reg_dest.into(), A1.into(), imm8));
        } else {
            self.movi(reg_dest, off.into());
            self.op16(op_add_n(reg_dest.into(), reg_dest.into(), A1.into()));
        }
    }

    /// The absolute address of `label` via `call0` to read the PC (`asm_xtensa_mov_reg_pcrel`;
    /// clobbers a0).
    pub fn mov_reg_pcrel_xtensa(&mut self, reg_dest: Reg, label: Label) {
        let mut rel = self.base.label_dest(label) - self.base.pos();
        rel -= 3 + 3; // the movi, and call0 leaving PC+3 in a0
        self.movi(reg_dest, rel);
        // call0's target must be word aligned.
        let pos = self.base.code_pos();
        let off = (pos >> 1) & 1;
        let pad = (5usize.wrapping_sub(pos)) & 3;
        self.op24(op_call0(off as i64));
        self.base.reserve(pad);
        self.op16(op_add_n(reg_dest.into(), reg_dest.into(), A0.into()));
    }

    /// `l32i` with the shortest encoding, or an address computation for big offsets
    /// (`asm_xtensa_l32i_optimised`).
    pub fn l32i_optimised(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        if word_offset < 16 {
            self.l32i_n(reg_dest, reg_base, word_offset);
        } else if let Some(offset) = UImm::<8>::maybe_from(word_offset) {
            self.op24(op_load(2, reg_dest.into(), reg_base.into(), offset));
        } else {
            self.mov_reg_i32_optimised(reg_dest, word_offset.wrapping_mul(4));
            self.op16(op_add_n(reg_dest.into(), reg_base.into(), reg_dest.into()));
            self.l32i_n(reg_dest, reg_dest, 0);
        }
    }

    /// Load `1 << size_log2` bytes from `reg_base + (offset << size_log2)`, zero-extended
    /// (`asm_xtensa_load_reg_reg_offset`).
    pub fn load_reg_reg_offset_xtensa(
        &mut self,
        reg_dest: Reg,
        reg_base: Reg,
        offset: u32,
        size_log2: u32,
    ) {
        debug_assert!(size_log2 <= 2);
        if let (2, Some(offset)) = (size_log2, UImm::<4>::maybe_from(offset)) {
            self.op16(op_l32i_n(reg_dest.into(), reg_base.into(), offset));
        } else if let Some(offset) = UImm::<8>::maybe_from(offset) {
            self.op24(op_load(size_log2, reg_dest.into(), reg_base.into(), offset));
        } else {
            self.mov_reg_i32_optimised(reg_dest, offset << size_log2);
            self.op16(op_add_n(reg_dest.into(), reg_base.into(), reg_dest.into()));
            if size_log2 == 2 {
                self.l32i_n(reg_dest, reg_dest, 0);
            } else {
                self.rri8_masked(2, size_log2, reg_dest, reg_dest, 0);
            }
        }
    }

    /// Store `1 << size_log2` bytes to `reg_base + (offset << size_log2)`
    /// (`asm_xtensa_store_reg_reg_offset`; the long form uses the scratch register).
    pub fn store_reg_reg_offset_xtensa(
        &mut self,
        reg_src: Reg,
        reg_base: Reg,
        offset: u32,
        size_log2: u32,
    ) {
        debug_assert!(size_log2 <= 2);
        if let (2, Some(offset)) = (size_log2, UImm::<4>::maybe_from(offset)) {
            self.op16(op_s32i_n(reg_src.into(), reg_base.into(), offset));
        } else if let Some(offset) = UImm::<8>::maybe_from(offset) {
            self.op24(op_store(size_log2, reg_src.into(), reg_base.into(), offset));
        } else {
            let temp = Self::REG_TEMP;
            self.mov_reg_i32_optimised(temp, offset << size_log2);
            self.op16(op_add_n(temp.into(), reg_base.into(), temp.into()));
            if size_log2 == 2 {
                self.s32i_n(reg_src, temp, 0);
            } else {
                self.rri8_masked(2, 4 | size_log2, temp, reg_src, 0);
            }
        }
    }

    /// `l32i a0, a15, idx * 4; callx0 a0` (`asm_xtensa_call_ind`).
    pub fn call_ind_call0(&mut self, idx: u32) {
        self.l32i_optimised(A0, REG_FUN_TABLE, idx);
        self.op24(op_callx0(A0.into()));
    }

    /// `l32i a8, a7, idx * 4; callx8 a8` (`asm_xtensa_call_ind_win`).
    pub fn call_ind_windowed(&mut self, idx: u32) {
        self.l32i_optimised(A8, REG_FUN_TABLE_WIN, idx);
        self.op24(op_callx8(A8.into()));
    }

    /// `bbci`/`bbsi reg, bit, label` (`asm_xtensa_bit_branch`; `condition` 6 = bbci, 14 = bbsi).
    pub fn bit_branch(&mut self, reg: Reg, bit: u32, label: Label, condition: u32) {
        let rel = self.rel_to(label);
        if self.base.is_emit() && !signed_fits(rel, 8) {
            self.base
                .set_error(AsmError::XtensaOutOfRange("bit_branch"));
        }
        self.op24(op_bit_branch(condition, reg.into(), bit & 31, rel));
    }

    /// `call0 label` (`asm_xtensa_call0`): target and location must be word aligned.
    pub fn call0(&mut self, label: Label) {
        let dest = self.base.label_dest(label);
        let rel = dest - self.base.pos() - 3;
        if self.base.is_emit() {
            if dest & 3 != 0 {
                self.base.set_error(AsmError::XtensaNotAligned {
                    op: "call0",
                    what: "target",
                });
            } else if rel & 3 != 0 {
                self.base.set_error(AsmError::XtensaNotAligned {
                    op: "call0",
                    what: "location",
                });
            } else if !signed_fits(rel, 18) {
                self.base.set_error(AsmError::XtensaOutOfRange("call0"));
            }
        }
        self.op24(op_call0(rel));
    }

    /// `l32r reg, label` (`asm_xtensa_l32r`): the label must be a word-aligned literal before this.
    pub fn l32r(&mut self, reg: Reg, label: Label) {
        let dest = self.base.label_dest(label);
        let rel = dest - self.base.pos();
        if self.base.is_emit() {
            if dest & 3 != 0 {
                self.base.set_error(AsmError::XtensaNotAligned {
                    op: "l32r",
                    what: "target",
                });
            } else if rel & 3 != 0 {
                self.base.set_error(AsmError::XtensaNotAligned {
                    op: "l32r",
                    what: "location",
                });
            } else if !signed_fits(rel, 18) || rel >= 0 {
                self.base.set_error(AsmError::XtensaOutOfRange("l32r"));
            }
        }
        self.op24(op_l32r(reg.into(), self.base.pos(), dest));
    }
}

impl<const WINDOWED: bool> NativeAsm for Xtensa<WINDOWED> {
    const WORD_SIZE: usize = 4;
    const REG_RET: Reg = if WINDOWED { 10 } else { 2 };
    const REG_ARG_1: Reg = if WINDOWED { 10 } else { 2 };
    const REG_ARG_2: Reg = if WINDOWED { 11 } else { 3 };
    const REG_ARG_3: Reg = if WINDOWED { 12 } else { 4 };
    const REG_ARG_4: Reg = if WINDOWED { 13 } else { 5 };
    const REG_TEMP0: Reg = if WINDOWED { 10 } else { 2 };
    const REG_TEMP1: Reg = if WINDOWED { 11 } else { 3 };
    const REG_TEMP2: Reg = if WINDOWED { 12 } else { 4 };
    const REG_LOCAL_1: Reg = if WINDOWED { 4 } else { 12 };
    const REG_LOCAL_2: Reg = if WINDOWED { 5 } else { 13 };
    const REG_LOCAL_3: Reg = if WINDOWED { 6 } else { 14 };
    const REG_FUN_TABLE: Reg = if WINDOWED {
        REG_FUN_TABLE_WIN
    } else {
        REG_FUN_TABLE
    };
    const REG_PARENT_RET: Reg = 2;
    const REG_PARENT_ARG_1: Reg = 2;
    const REG_PARENT_ARG_2: Reg = 3;
    const REG_PARENT_ARG_3: Reg = 4;
    const REG_PARENT_ARG_4: Reg = 5;

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }
    fn end_pass(&mut self) {
        self.end_pass_xtensa();
    }

    fn entry(&mut self, num_locals: u32) {
        if WINDOWED {
            self.entry_windowed(num_locals);
        } else {
            self.entry_call0(num_locals);
        }
    }
    fn exit(&mut self) {
        if WINDOWED {
            self.exit_windowed();
        } else {
            self.exit_call0();
        }
    }

    fn jump(&mut self, label: Label) {
        self.j_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.bccz_reg_label(CondZ::Eq, reg, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.bccz_reg_label(CondZ::Ne, reg, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.bcc_reg_reg_label(Cond::Eq, reg1, reg2, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.op24(op_jx(reg.into()));
    }
    fn call_ind(&mut self, fun_id: u32) {
        if WINDOWED {
            self.call_ind_windowed(fun_id);
        } else {
            self.call_ind_call0(fun_id);
        }
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_local_reg_xtensa(local_num + saved_regs(WINDOWED), reg_src);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as u32);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_xtensa(reg_dest, local_num + saved_regs(WINDOWED));
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op16(op_mov_n(reg_dest.into(), reg_src.into()));
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_addr_xtensa(reg_dest, local_num + saved_regs(WINDOWED));
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_xtensa(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.op_movi_n(reg_dest, 0);
    }

    fn neg_reg(&mut self, reg: Reg) {
        self.op24(op_neg(reg.into(), reg.into()));
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op24(op_ssl(reg_shift.into()));
        self.op24(op_sll(reg_dest.into(), reg_dest.into()));
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op24(op_ssr(reg_shift.into()));
        self.op24(op_srl(reg_dest.into(), reg_dest.into()));
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op24(op_ssr(reg_shift.into()));
        self.op24(op_sra(reg_dest.into(), reg_dest.into()));
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op24(op_or(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op24(op_xor(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op24(op_and(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op16(op_add_n(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op24(op_sub(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op24(op_mull(reg_dest.into(), reg_dest.into(), reg_src.into()));
    }

    fn compare_set(
        &mut self,
        op: CompareOp,
        unsigned: bool,
        reg_dest: Reg,
        reg_lhs: Reg,
        reg_rhs: Reg,
    ) {
        // (condition, swap operands) as emitnative's `ccs` table.
        let (cond, swap) = match (op, unsigned) {
            (CompareOp::Less, true) => (Cond::Ltu, false),
            (CompareOp::More, true) => (Cond::Ltu, true),
            (CompareOp::LessEqual, true) => (Cond::Geu, true),
            (CompareOp::MoreEqual, true) => (Cond::Geu, false),
            (CompareOp::Less, false) => (Cond::Lt, false),
            (CompareOp::More, false) => (Cond::Lt, true),
            (CompareOp::LessEqual, false) => (Cond::Ge, true),
            (CompareOp::MoreEqual, false) => (Cond::Ge, false),
            (CompareOp::Equal, _) => (Cond::Eq, false),
            (CompareOp::NotEqual, _) => (Cond::Ne, false),
        };
        if swap {
            self.setcc_reg_reg_reg(cond, reg_dest, reg_rhs, reg_lhs);
        } else {
            self.setcc_reg_reg_reg(cond, reg_dest, reg_lhs, reg_rhs);
        }
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_xtensa(reg_dest, reg_base, word_offset, 2);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.load_reg_reg_offset_xtensa(reg_dest, reg_base, byte_offset, 0);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.load_reg_reg_offset_xtensa(reg_dest, reg_base, halfword_offset, 1);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load_reg_reg_offset_xtensa(reg_dest, reg_base, word_offset, 2);
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_xtensa(reg_src, reg_base, word_offset, 2);
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.store_reg_reg_offset_xtensa(reg_src, reg_base, byte_offset, 0);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.store_reg_reg_offset_xtensa(reg_src, reg_base, halfword_offset, 1);
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store_reg_reg_offset_xtensa(reg_src, reg_base, word_offset, 2);
    }

    fn load8_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.op16(op_add_n(reg_base.into(), reg_index.into(), reg_base.into()));
        self.rri8_masked(2, 0, reg_base, reg_dest, 0);
    }
    fn load16_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.op24(op_addx2(reg_base.into(), reg_index.into(), reg_base.into()));
        self.rri8_masked(2, 1, reg_base, reg_dest, 0);
    }
    fn load32_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.op24(op_addx4(reg_base.into(), reg_index.into(), reg_base.into()));
        self.l32i_n(reg_dest, reg_base, 0);
    }
    fn store8_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.op16(op_add_n(reg_base.into(), reg_index.into(), reg_base.into()));
        self.rri8_masked(2, 4, reg_base, reg_val, 0);
    }
    fn store16_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.op24(op_addx2(reg_base.into(), reg_index.into(), reg_base.into()));
        self.rri8_masked(2, 5, reg_base, reg_val, 0);
    }
    fn store32_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.op24(op_addx4(reg_base.into(), reg_index.into(), reg_base.into()));
        self.s32i_n(reg_val, reg_base, 0);
    }
}

/// `ASM_NUM_REGS_SAVED`: stack words below the locals.
const fn saved_regs(windowed: bool) -> u32 {
    if windowed {
        NUM_REGS_SAVED_WIN
    } else {
        NUM_REGS_SAVED
    }
}
