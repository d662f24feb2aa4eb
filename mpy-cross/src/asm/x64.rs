//! x86-64 assembler (after py/asmx64.[ch]).
//!
//! Instructions are written byte by byte: an optional REX prefix, the opcode and a ModRM byte
//! (plus SIB/displacement for memory operands). The encoders here return those bytes; [`X64`]
//! sequences them the way the reference does.

use super::{signed_fits, AsmBase, CompareOp, Label, NativeAsm, Reg, SImm};

/// `rax`.
pub const RAX: Reg = 0;
/// `rcx` (shift counts).
pub const RCX: Reg = 1;
/// `rdx`.
pub const RDX: Reg = 2;
/// `rbx`.
pub const RBX: Reg = 3;
/// `rsp`.
pub const RSP: Reg = 4;
/// `rbp`: holds the pointer to `mp_fun_table` (`ASM_X64_REG_FUN_TABLE`).
pub const RBP: Reg = 5;
/// `rsi`.
pub const RSI: Reg = 6;
/// `rdi`.
pub const RDI: Reg = 7;
/// `r8`.
pub const R08: Reg = 8;
/// `r9`.
pub const R09: Reg = 9;
/// `r12`.
pub const R12: Reg = 12;
/// `r13`.
pub const R13: Reg = 13;

/// Condition codes for `jcc` and `setcc` (`ASM_X64_CC_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Cond {
    /// Below (unsigned `<`).
    B = 0x2,
    /// Above or equal (unsigned `>=`).
    Ae = 0x3,
    /// Equal / zero.
    E = 0x4,
    /// Not equal / not zero.
    Ne = 0x5,
    /// Below or equal (unsigned `<=`).
    Be = 0x6,
    /// Above (unsigned `>`).
    A = 0x7,
    /// Less (signed).
    L = 0xc,
    /// Greater or equal (signed).
    Ge = 0xd,
    /// Less or equal (signed).
    Le = 0xe,
    /// Greater (signed).
    G = 0xf,
}

const REX: u8 = 0x40;
const REX_W: u8 = 0x08;
const OP_SIZE_PREFIX: u8 = 0x66;

const fn rex_r(reg: Reg) -> u8 {
    (reg >> 1) & 0x04
}

const fn rex_b(reg: Reg) -> u8 {
    (reg >> 3) & 0x01
}

/// A ModRM byte with register-direct addressing (`MODRM_R64(reg) | MODRM_RM_REG | MODRM_RM_R64(rm)`).
#[must_use]
pub const fn modrm_reg(reg: Reg, rm: Reg) -> u8 {
    ((reg & 7) << 3) | 0xc0 | (rm & 7)
}

/// ModRM (+ SIB) + displacement addressing `[base + disp]` with `reg` in the reg field
/// (`asm_x64_write_r64_disp`): no displacement when 0 (except for rbp/r13), else 8 or 32 bits.
#[must_use]
pub fn modrm_disp(reg: Reg, base: Reg, disp: i32) -> Vec<u8> {
    let mut out = Vec::with_capacity(6);
    let disp8 = SImm::<8>::maybe_from(disp.into());
    let mode = if disp == 0 && (base & 7) != RBP {
        0x00
    } else if disp8.is_some() {
        0x40
    } else {
        0x80
    };
    out.push(((reg & 7) << 3) | mode | (base & 7));
    if (base & 7) == RSP {
        // rsp and r12 as a base need a SIB byte.
        out.push(0x24);
    }
    match (mode, disp8) {
        (0x40, Some(d)) => out.push(d.get() as u8),
        (0x80, _) => out.extend_from_slice(&disp.to_le_bytes()),
        _ => {}
    }
    out
}

/// The x86-64 assembler (`asm_x64_t`).
#[derive(Clone, Debug)]
pub struct X64 {
    base: AsmBase,
    num_locals: u32,
}

impl X64 {
    /// An assembler with room for `max_num_labels` labels.
    #[must_use]
    pub fn new(max_num_labels: usize) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
            num_locals: 0,
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.base.write(bytes);
    }

    fn word32(&mut self, w32: i64) {
        self.base.write(&(w32 as u32).to_le_bytes());
    }

    /// `<op> dest_r64, src_r64` with REX.W, ModRM `reg = src, rm = dest` (`asm_x64_generic_r64_r64`).
    fn generic_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg, op: u8) {
        self.bytes(&[
            REX | REX_W | rex_r(src_r64) | rex_b(dest_r64),
            op,
            modrm_reg(src_r64, dest_r64),
        ]);
    }

    /// `nop`.
    pub fn nop(&mut self) {
        self.bytes(&[0x90]);
    }

    /// `push src_r64`.
    pub fn push_r64(&mut self, src_r64: Reg) {
        if src_r64 < 8 {
            self.bytes(&[0x50 | src_r64]);
        } else {
            self.bytes(&[REX | 0x01, 0x50 | (src_r64 & 7)]);
        }
    }

    /// `pop dest_r64`.
    pub fn pop_r64(&mut self, dest_r64: Reg) {
        if dest_r64 < 8 {
            self.bytes(&[0x58 | dest_r64]);
        } else {
            self.bytes(&[REX | 0x01, 0x58 | (dest_r64 & 7)]);
        }
    }

    /// `ret`.
    pub fn ret(&mut self) {
        self.bytes(&[0xc3]);
    }

    /// `mov dest_r64, src_r64`.
    pub fn mov_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x89);
    }

    /// `mov byte [dest_r64 + dest_disp], src_r8` (`asm_x64_mov_r8_to_mem8`).
    pub fn mov_r8_to_mem8(&mut self, src_r64: Reg, dest_r64: Reg, dest_disp: i32) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[0x88]);
        } else {
            self.bytes(&[REX | rex_r(src_r64) | rex_b(dest_r64), 0x88]);
        }
        self.bytes(&modrm_disp(src_r64, dest_r64, dest_disp));
    }

    /// `mov word [dest_r64 + dest_disp], src_r16`.
    pub fn mov_r16_to_mem16(&mut self, src_r64: Reg, dest_r64: Reg, dest_disp: i32) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[OP_SIZE_PREFIX, 0x89]);
        } else {
            self.bytes(&[OP_SIZE_PREFIX, REX | rex_r(src_r64) | rex_b(dest_r64), 0x89]);
        }
        self.bytes(&modrm_disp(src_r64, dest_r64, dest_disp));
    }

    /// `mov dword [dest_r64 + dest_disp], src_r32`.
    pub fn mov_r32_to_mem32(&mut self, src_r64: Reg, dest_r64: Reg, dest_disp: i32) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[0x89]);
        } else {
            self.bytes(&[REX | rex_r(src_r64) | rex_b(dest_r64), 0x89]);
        }
        self.bytes(&modrm_disp(src_r64, dest_r64, dest_disp));
    }

    /// `mov qword [dest_r64 + dest_disp], src_r64`.
    pub fn mov_r64_to_mem64(&mut self, src_r64: Reg, dest_r64: Reg, dest_disp: i32) {
        self.bytes(&[REX | REX_W | rex_r(src_r64) | rex_b(dest_r64), 0x89]);
        self.bytes(&modrm_disp(src_r64, dest_r64, dest_disp));
    }

    /// `movzx dest_r64, byte [src_r64 + src_disp]`.
    pub fn mov_mem8_to_r64zx(&mut self, src_r64: Reg, src_disp: i32, dest_r64: Reg) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[0x0f, 0xb6]);
        } else {
            self.bytes(&[REX | rex_r(dest_r64) | rex_b(src_r64), 0x0f, 0xb6]);
        }
        self.bytes(&modrm_disp(dest_r64, src_r64, src_disp));
    }

    /// `movzx dest_r64, word [src_r64 + src_disp]`.
    pub fn mov_mem16_to_r64zx(&mut self, src_r64: Reg, src_disp: i32, dest_r64: Reg) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[0x0f, 0xb7]);
        } else {
            self.bytes(&[REX | rex_r(dest_r64) | rex_b(src_r64), 0x0f, 0xb7]);
        }
        self.bytes(&modrm_disp(dest_r64, src_r64, src_disp));
    }

    /// `mov dest_r32, dword [src_r64 + src_disp]` (zero-extends into the 64-bit register).
    pub fn mov_mem32_to_r64zx(&mut self, src_r64: Reg, src_disp: i32, dest_r64: Reg) {
        if src_r64 < 8 && dest_r64 < 8 {
            self.bytes(&[0x8b]);
        } else {
            self.bytes(&[REX | rex_r(dest_r64) | rex_b(src_r64), 0x8b]);
        }
        self.bytes(&modrm_disp(dest_r64, src_r64, src_disp));
    }

    /// `mov dest_r64, qword [src_r64 + src_disp]`.
    pub fn mov_mem64_to_r64(&mut self, src_r64: Reg, src_disp: i32, dest_r64: Reg) {
        self.bytes(&[REX | REX_W | rex_r(dest_r64) | rex_b(src_r64), 0x8b]);
        self.bytes(&modrm_disp(dest_r64, src_r64, src_disp));
    }

    /// `lea dest_r64, [src_r64 + src_disp]`.
    pub fn lea_disp_to_r64(&mut self, src_r64: Reg, src_disp: i32, dest_r64: Reg) {
        self.bytes(&[REX | REX_W | rex_r(dest_r64) | rex_b(src_r64), 0x8d]);
        self.bytes(&modrm_disp(dest_r64, src_r64, src_disp));
    }

    /// `mov dest_r32, imm32` (zero-extending; `asm_x64_mov_i32_to_r64`). Returns the offset of the immediate.
    pub fn mov_i32_to_r64(&mut self, src_i32: u32, dest_r64: Reg) -> usize {
        if dest_r64 < 8 {
            self.bytes(&[0xb8 | dest_r64]);
        } else {
            self.bytes(&[REX | 0x01, 0xb8 | (dest_r64 & 7)]);
        }
        let loc = self.base.code_pos();
        self.base.write(&src_i32.to_le_bytes());
        loc
    }

    /// `movabs dest_r64, imm64` (`asm_x64_mov_i64_to_r64`).
    pub fn mov_i64_to_r64(&mut self, src_i64: i64, dest_r64: Reg) {
        self.bytes(&[
            REX | REX_W | if dest_r64 < 8 { 0 } else { 0x01 },
            0xb8 | (dest_r64 & 7),
        ]);
        self.base.write(&src_i64.to_le_bytes());
    }

    /// The 5-byte form when the value fits 32 unsigned bits, else the 10-byte one
    /// (`asm_x64_mov_i64_to_r64_optimised`).
    pub fn mov_i64_to_r64_optimised(&mut self, src_i64: i64, dest_r64: Reg) {
        if let Ok(value) = u32::try_from(src_i64) {
            self.mov_i32_to_r64(value, dest_r64);
        } else {
            self.mov_i64_to_r64(src_i64, dest_r64);
        }
    }

    /// `not dest_r64`.
    pub fn not_r64(&mut self, dest_r64: Reg) {
        self.generic_r64_r64(dest_r64, 2, 0xf7);
    }
    /// `neg dest_r64`.
    pub fn neg_r64(&mut self, dest_r64: Reg) {
        self.generic_r64_r64(dest_r64, 3, 0xf7);
    }
    /// `and dest_r64, src_r64`.
    pub fn and_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x21);
    }
    /// `or dest_r64, src_r64`.
    pub fn or_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x09);
    }
    /// `xor dest_r64, src_r64`.
    pub fn xor_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x31);
    }
    /// `shl dest_r64, cl`.
    pub fn shl_r64_cl(&mut self, dest_r64: Reg) {
        self.generic_r64_r64(dest_r64, 4, 0xd3);
    }
    /// `shr dest_r64, cl`.
    pub fn shr_r64_cl(&mut self, dest_r64: Reg) {
        self.generic_r64_r64(dest_r64, 5, 0xd3);
    }
    /// `sar dest_r64, cl`.
    pub fn sar_r64_cl(&mut self, dest_r64: Reg) {
        self.generic_r64_r64(dest_r64, 7, 0xd3);
    }
    /// `add dest_r64, src_r64`.
    pub fn add_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x01);
    }
    /// `sub dest_r64, src_r64`.
    pub fn sub_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.generic_r64_r64(dest_r64, src_r64, 0x29);
    }

    /// `imul dest_r64, src_r64`.
    pub fn mul_r64_r64(&mut self, dest_r64: Reg, src_r64: Reg) {
        self.bytes(&[
            REX | REX_W | rex_r(dest_r64) | rex_b(src_r64),
            0x0f,
            0xaf,
            modrm_reg(dest_r64, src_r64),
        ]);
    }

    /// `sub dest_r64, imm` with an 8- or 32-bit immediate (`asm_x64_sub_r64_i32`; low registers only).
    pub fn sub_r64_i32(&mut self, dest_r64: Reg, src_i32: i32) {
        debug_assert!(dest_r64 < 8);
        if let Some(i8) = SImm::<8>::maybe_from(src_i32.into()) {
            self.bytes(&[REX | REX_W, 0x83, modrm_reg(5, dest_r64), i8.get() as u8]);
        } else {
            self.bytes(&[REX | REX_W, 0x81, modrm_reg(5, dest_r64)]);
            self.word32(src_i32.into());
        }
    }

    /// `cmp src_r64_b, src_r64_a` (operands in the reference's reverse order; `asm_x64_cmp_r64_with_r64`).
    pub fn cmp_r64_with_r64(&mut self, src_r64_a: Reg, src_r64_b: Reg) {
        self.generic_r64_r64(src_r64_b, src_r64_a, 0x39);
    }

    /// `test src_r8_b, src_r8_a` (low 4 registers only).
    pub fn test_r8_with_r8(&mut self, src_r64_a: Reg, src_r64_b: Reg) {
        debug_assert!(src_r64_a < 8 && src_r64_b < 8);
        self.bytes(&[0x84, modrm_reg(src_r64_a, src_r64_b)]);
    }

    /// `test src_r64_b, src_r64_a`.
    pub fn test_r64_with_r64(&mut self, src_r64_a: Reg, src_r64_b: Reg) {
        self.generic_r64_r64(src_r64_b, src_r64_a, 0x85);
    }

    /// `set<cc> dest_r8`.
    pub fn setcc_r8(&mut self, cond: Cond, dest_r8: Reg) {
        debug_assert!(dest_r8 < 8);
        self.bytes(&[0x0f, 0x90 | cond as u8, modrm_reg(0, dest_r8)]);
    }

    /// `jmp src_r64` (low registers only).
    pub fn jmp_reg(&mut self, src_r64: Reg) {
        debug_assert!(src_r64 < 8);
        self.bytes(&[0xff, modrm_reg(4, src_r64)]);
    }

    /// `jmp label`: `rel8` for a backward target in range, else `rel32` (`asm_x64_jmp_label`).
    pub fn jmp_label(&mut self, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let rel = self.base.label_dest(label) - self.base.pos();
        if known && rel < 0 && signed_fits(rel - 2, 8) {
            self.bytes(&[0xeb, (rel - 2) as u8]);
        } else {
            self.bytes(&[0xe9]);
            self.word32(rel - 5);
        }
    }

    /// `j<cc> label`: `rel8` for a backward target in range, else `rel32` (`asm_x64_jcc_label`).
    pub fn jcc_label(&mut self, cond: Cond, label: Label) {
        let known = self.base.label_offset(label).is_some();
        let rel = self.base.label_dest(label) - self.base.pos();
        if known && rel < 0 && signed_fits(rel - 2, 8) {
            self.bytes(&[0x70 | cond as u8, (rel - 2) as u8]);
        } else {
            self.bytes(&[0x0f, 0x80 | cond as u8]);
            self.word32(rel - 6);
        }
    }

    /// Prologue (`asm_x64_entry`): push rbp, rbx, r12, r13 and reserve an odd number of words
    /// for the locals so rsp stays 16-byte aligned.
    pub fn entry_x64(&mut self, num_locals: u32) {
        self.push_r64(RBP);
        self.push_r64(RBX);
        self.push_r64(R12);
        self.push_r64(R13);
        let num_locals = num_locals | 1;
        self.sub_r64_i32(RSP, (num_locals as i32).wrapping_mul(8));
        self.num_locals = num_locals;
    }

    /// Epilogue (`asm_x64_exit`).
    pub fn exit_x64(&mut self) {
        self.sub_r64_i32(RSP, (self.num_locals as i32).wrapping_mul(8).wrapping_neg());
        self.pop_r64(R13);
        self.pop_r64(R12);
        self.pop_r64(RBX);
        self.pop_r64(RBP);
        self.ret();
    }

    fn local_offset(local_num: u32) -> i32 {
        (local_num as i32).wrapping_mul(8)
    }

    /// `lea dest_r64, [rip + (label - next)]` (`asm_x64_mov_reg_pcrel`).
    pub fn mov_reg_pcrel_x64(&mut self, dest_r64: Reg, label: Label) {
        let rel = self.base.label_dest(label) - (self.base.pos() + 7);
        self.bytes(&[
            REX | REX_W | rex_r(dest_r64),
            0x8d,
            ((dest_r64 & 7) << 3) | 5,
        ]);
        self.word32(rel);
    }

    /// `mov temp, [rbp + fun_id * 8]; call temp` (`asm_x64_call_ind`).
    pub fn call_ind_x64(&mut self, fun_id: u32, temp_r64: Reg) {
        debug_assert!(temp_r64 < 8);
        self.mov_mem64_to_r64(RBP, (fun_id as i32).wrapping_mul(8), temp_r64);
        self.bytes(&[0xff, modrm_reg(2, temp_r64)]);
    }
}

impl NativeAsm for X64 {
    const WORD_SIZE: usize = 8;
    const REG_RET: Reg = RAX;
    const REG_ARG_1: Reg = RDI;
    const REG_ARG_2: Reg = RSI;
    const REG_ARG_3: Reg = RDX;
    const REG_ARG_4: Reg = RCX;
    const REG_TEMP0: Reg = RAX;
    const REG_TEMP1: Reg = RDI;
    const REG_TEMP2: Reg = RSI;
    const REG_LOCAL_1: Reg = RBX;
    const REG_LOCAL_2: Reg = R12;
    const REG_LOCAL_3: Reg = R13;
    const REG_FUN_TABLE: Reg = RBP;
    const SHIFT_COUNT_REG: Option<Reg> = Some(RCX);

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_x64(num_locals);
    }
    fn exit(&mut self) {
        self.exit_x64();
    }

    fn jump(&mut self, label: Label) {
        self.jmp_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r64_with_r64(reg, reg);
        }
        self.jcc_label(Cond::E, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r64_with_r64(reg, reg);
        }
        self.jcc_label(Cond::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.cmp_r64_with_r64(reg1, reg2);
        self.jcc_label(Cond::E, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.jmp_reg(reg);
    }
    fn call_ind(&mut self, fun_id: u32) {
        self.call_ind_x64(fun_id, RAX);
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_r64_to_mem64(reg_src, RSP, Self::local_offset(local_num));
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_i64_to_r64_optimised(imm, reg_dest);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_mem64_to_r64(RSP, Self::local_offset(local_num), reg_dest);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mov_r64_r64(reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        let offset = Self::local_offset(local_num);
        if offset == 0 {
            self.mov_r64_r64(reg_dest, RSP);
        } else {
            self.lea_disp_to_r64(RSP, offset, reg_dest);
        }
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_x64(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.xor_r64_r64(reg_dest, reg_dest);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.not_r64(reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.neg_r64(reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, RCX);
        self.shl_r64_cl(reg_dest);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, RCX);
        self.shr_r64_cl(reg_dest);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, RCX);
        self.sar_r64_cl(reg_dest);
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.or_r64_r64(reg_dest, reg_src);
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.xor_r64_r64(reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.and_r64_r64(reg_dest, reg_src);
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.add_r64_r64(reg_dest, reg_src);
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.sub_r64_r64(reg_dest, reg_src);
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mul_r64_r64(reg_dest, reg_src);
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
            (CompareOp::Less, true) => Cond::B,
            (CompareOp::More, true) => Cond::A,
            (CompareOp::LessEqual, true) => Cond::Be,
            (CompareOp::MoreEqual, true) => Cond::Ae,
            (CompareOp::Less, false) => Cond::L,
            (CompareOp::More, false) => Cond::G,
            (CompareOp::LessEqual, false) => Cond::Le,
            (CompareOp::MoreEqual, false) => Cond::Ge,
            (CompareOp::Equal, _) => Cond::E,
            (CompareOp::NotEqual, _) => Cond::Ne,
        };
        self.xor_r64_r64(reg_dest, reg_dest);
        self.cmp_r64_with_r64(reg_rhs, reg_lhs);
        self.setcc_r8(cond, reg_dest);
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.mov_mem64_to_r64(reg_base, (word_offset as i32).wrapping_mul(8), reg_dest);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.mov_mem8_to_r64zx(reg_base, byte_offset as i32, reg_dest);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.mov_mem16_to_r64zx(reg_base, (halfword_offset as i32).wrapping_mul(2), reg_dest);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.mov_mem32_to_r64zx(reg_base, (word_offset as i32).wrapping_mul(4), reg_dest);
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.mov_r64_to_mem64(reg_src, reg_base, (word_offset as i32).wrapping_mul(8));
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.mov_r8_to_mem8(reg_src, reg_base, byte_offset as i32);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.mov_r16_to_mem16(reg_src, reg_base, (halfword_offset as i32).wrapping_mul(2));
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.mov_r32_to_mem32(reg_src, reg_base, (word_offset as i32).wrapping_mul(4));
    }
}
