//! ARM (A32, armv6) assembler (after py/asmarm.[ch]).
//!
//! Every instruction is one 32-bit word; most carry the "always" condition. Constants that do not
//! fit an 8-bit `mov`/`mvn` are placed inline after `ldr rd, [pc]; b pc`. `r8` is the scratch
//! register for offsets too large for an instruction's immediate field.

use super::{signed_fits, AsmBase, CompareOp, Label, NativeAsm, Reg};

/// `r0` (return value, first argument).
pub const R0: Reg = 0;
/// `r1`.
pub const R1: Reg = 1;
/// `r2`.
pub const R2: Reg = 2;
/// `r3`.
pub const R3: Reg = 3;
/// `r4`.
pub const R4: Reg = 4;
/// `r5`.
pub const R5: Reg = 5;
/// `r6`.
pub const R6: Reg = 6;
/// `r7`: holds the pointer to `mp_fun_table` (`ASM_ARM_REG_FUN_TABLE`).
pub const R7: Reg = 7;
/// `r8`: scratch for large offsets (`REG_TEMP` in py/asmarm.c).
pub const R8: Reg = 8;
/// `sp`.
pub const SP: Reg = 13;
/// `lr`.
pub const LR: Reg = 14;
/// `pc`.
pub const PC: Reg = 15;

const REG_TEMP: Reg = R8;

/// Condition field values (`ASM_ARM_CC_*`, already shifted to bits 28..31).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Cond {
    /// Equal.
    Eq = 0x0 << 28,
    /// Not equal.
    Ne = 0x1 << 28,
    /// Carry set (unsigned `>=`).
    Cs = 0x2 << 28,
    /// Carry clear (unsigned `<`).
    Cc = 0x3 << 28,
    /// Unsigned higher.
    Hi = 0x8 << 28,
    /// Unsigned lower or same.
    Ls = 0x9 << 28,
    /// Signed `>=`.
    Ge = 0xa << 28,
    /// Signed `<`.
    Lt = 0xb << 28,
    /// Signed `>`.
    Gt = 0xc << 28,
    /// Signed `<=`.
    Le = 0xd << 28,
    /// Always.
    Al = 0xe << 28,
}

const fn reg(r: Reg) -> u32 {
    r as u32
}

/// `stmfd sp!, {reglist}` without condition.
#[must_use]
pub const fn op_push(reglist: u32) -> u32 {
    0x92d_0000 | (reglist & 0xffff)
}
/// `ldmfd sp!, {reglist}` without condition.
#[must_use]
pub const fn op_pop(reglist: u32) -> u32 {
    0x8bd_0000 | (reglist & 0xffff)
}
/// `mov rd, rn`.
#[must_use]
pub const fn op_mov_reg(rd: Reg, rn: Reg) -> u32 {
    0x1a0_0000 | (reg(rd) << 12) | reg(rn)
}
/// `mov rd, #imm` (`imm` is the raw 12-bit operand field; callers pass 0..=255).
#[must_use]
pub const fn op_mov_imm(rd: Reg, imm: u32) -> u32 {
    0x3a0_0000 | (reg(rd) << 12) | imm
}
/// `mvn rd, #imm`.
#[must_use]
pub const fn op_mvn_imm(rd: Reg, imm: u32) -> u32 {
    0x3e0_0000 | (reg(rd) << 12) | imm
}
/// `mvn rd, rm`.
#[must_use]
pub const fn op_mvn_reg(rd: Reg, rm: Reg) -> u32 {
    0x1e0_0000 | (reg(rd) << 12) | reg(rm)
}
/// `add rd, rn, #imm` (low 8 bits of `imm`).
#[must_use]
pub const fn op_add_imm(rd: Reg, rn: Reg, imm: u32) -> u32 {
    0x280_0000 | (reg(rn) << 16) | (reg(rd) << 12) | (imm & 0xff)
}
/// `add rd, rn, rm`.
#[must_use]
pub const fn op_add_reg(rd: Reg, rn: Reg, rm: Reg) -> u32 {
    0x080_0000 | (reg(rn) << 16) | (reg(rd) << 12) | reg(rm)
}
/// `sub rd, rn, #imm` (low 8 bits of `imm`).
#[must_use]
pub const fn op_sub_imm(rd: Reg, rn: Reg, imm: u32) -> u32 {
    0x240_0000 | (reg(rn) << 16) | (reg(rd) << 12) | (imm & 0xff)
}
/// `sub rd, rn, rm`.
#[must_use]
pub const fn op_sub_reg(rd: Reg, rn: Reg, rm: Reg) -> u32 {
    0x040_0000 | (reg(rn) << 16) | (reg(rd) << 12) | reg(rm)
}
/// `rsb rd, rn, #imm` (low 8 bits of `imm`).
#[must_use]
pub const fn op_rsb_imm(rd: Reg, rn: Reg, imm: u32) -> u32 {
    0x260_0000 | (reg(rn) << 16) | (reg(rd) << 12) | (imm & 0xff)
}
/// `mul rd, rm, rs`.
#[must_use]
pub const fn op_mul_reg(rd: Reg, rm: Reg, rs: Reg) -> u32 {
    0x000_0090 | (reg(rd) << 16) | (reg(rs) << 8) | reg(rm)
}
/// `and rd, rn, rm`.
#[must_use]
pub const fn op_and_reg(rd: Reg, rn: Reg, rm: Reg) -> u32 {
    (reg(rn) << 16) | (reg(rd) << 12) | reg(rm)
}
/// `eor rd, rn, rm`.
#[must_use]
pub const fn op_eor_reg(rd: Reg, rn: Reg, rm: Reg) -> u32 {
    0x020_0000 | (reg(rn) << 16) | (reg(rd) << 12) | reg(rm)
}
/// `orr rd, rn, rm`.
#[must_use]
pub const fn op_orr_reg(rd: Reg, rn: Reg, rm: Reg) -> u32 {
    0x180_0000 | (reg(rn) << 16) | (reg(rd) << 12) | reg(rm)
}

/// The ARM assembler (`asm_arm_t`).
#[derive(Clone, Debug)]
pub struct Arm {
    base: AsmBase,
    push_reglist: u32,
    stack_adjust: u32,
}

impl Arm {
    /// An assembler with room for `max_num_labels` labels.
    #[must_use]
    pub fn new(max_num_labels: usize) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
            push_reglist: 0,
            stack_adjust: 0,
        }
    }

    /// Write one instruction word as is (`emit`).
    pub fn emit(&mut self, op: u32) {
        self.base.write(&op.to_le_bytes());
    }

    /// Write one instruction word with the "always" condition (`emit_al`).
    pub fn emit_al(&mut self, op: u32) {
        self.emit(op | Cond::Al as u32);
    }

    /// `bkpt #0`.
    pub fn bkpt(&mut self) {
        self.emit_al(0x120_0070);
    }

    /// Prologue (`asm_arm_entry`): push r1-r8 and lr; reserve stack only for more than three
    /// locals, rounded to 8 bytes.
    pub fn entry_arm(&mut self, num_locals: u32) {
        self.stack_adjust = 0;
        self.push_reglist = (1 << R1)
            | (1 << R2)
            | (1 << R3)
            | (1 << R4)
            | (1 << R5)
            | (1 << R6)
            | (1 << R7)
            | (1 << R8);
        if num_locals > 3 {
            self.stack_adjust = num_locals.wrapping_mul(4);
            if num_locals & 1 != 0 {
                self.stack_adjust = self.stack_adjust.wrapping_add(4);
            }
        }
        self.emit_al(op_push(self.push_reglist | (1 << LR)));
        if self.stack_adjust > 0 {
            if self.stack_adjust < 0x100 {
                self.emit_al(op_sub_imm(SP, SP, self.stack_adjust));
            } else {
                self.mov_reg_i32_optimised(REG_TEMP, self.stack_adjust as i32);
                self.emit_al(op_sub_reg(SP, SP, REG_TEMP));
            }
        }
    }

    /// Epilogue (`asm_arm_exit`).
    pub fn exit_arm(&mut self) {
        if self.stack_adjust > 0 {
            if self.stack_adjust < 0x100 {
                self.emit_al(op_add_imm(SP, SP, self.stack_adjust));
            } else {
                self.mov_reg_i32_optimised(REG_TEMP, self.stack_adjust as i32);
                self.emit_al(op_add_reg(SP, SP, REG_TEMP));
            }
        }
        self.emit_al(op_pop(self.push_reglist | (1 << PC)));
    }

    /// `ldr rd, [pc]; b pc; .word imm` (`asm_arm_mov_reg_i32`). Returns the offset of the word.
    pub fn mov_reg_i32(&mut self, rd: Reg, imm: i32) -> usize {
        self.emit_al(0x59f_0000 | (reg(rd) << 12));
        self.emit_al(0xa00_0000);
        let loc = self.base.code_pos();
        self.emit(imm as u32);
        loc
    }

    /// `mov` for 0..=255, `mvn` for -256..=-1, else the inline word (`asm_arm_mov_reg_i32_optimised`).
    pub fn mov_reg_i32_optimised(&mut self, rd: Reg, imm: i32) {
        if (imm & 0xff) == imm {
            self.emit_al(op_mov_imm(rd, imm as u32));
        } else if (-256..0).contains(&imm) {
            self.emit_al(op_mvn_imm(rd, !imm as u32));
        } else {
            self.mov_reg_i32(rd, imm);
        }
    }

    /// `str rd, [sp, #local_num * 4]` (the offset is not range-checked, as in the reference).
    pub fn mov_local_reg_arm(&mut self, local_num: u32, rd: Reg) {
        self.emit_al(0x58d_0000 | (reg(rd) << 12) | (local_num << 2));
    }

    /// `ldr rd, [sp, #local_num * 4]`.
    pub fn mov_reg_local_arm(&mut self, rd: Reg, local_num: u32) {
        self.emit_al(0x59d_0000 | (reg(rd) << 12) | (local_num << 2));
    }

    /// `cmp rd, #imm` (low 8 bits).
    pub fn cmp_reg_i8(&mut self, rd: Reg, imm: u32) {
        self.emit_al(0x350_0000 | (reg(rd) << 16) | (imm & 0xff));
    }

    /// `cmp rd, rn`.
    pub fn cmp_reg_reg(&mut self, rd: Reg, rn: Reg) {
        self.emit_al(0x150_0000 | (reg(rd) << 16) | reg(rn));
    }

    /// `mov<cond> rd, #1; mov<!cond> rd, #0` (`asm_arm_setcc_reg`).
    pub fn setcc_reg(&mut self, rd: Reg, cond: Cond) {
        self.emit(op_mov_imm(rd, 1) | cond as u32);
        self.emit(op_mov_imm(rd, 0) | (cond as u32 ^ (1 << 28)));
    }

    /// `mvn rd, rm`.
    pub fn mvn_reg_reg(&mut self, rd: Reg, rm: Reg) {
        self.emit_al(op_mvn_reg(rd, rm));
    }
    /// `add rd, rn, rm`.
    pub fn add_reg_reg_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.emit_al(op_add_reg(rd, rn, rm));
    }
    /// `rsb rd, rn, #imm`.
    pub fn rsb_reg_reg_imm(&mut self, rd: Reg, rn: Reg, imm: u32) {
        self.emit_al(op_rsb_imm(rd, rn, imm));
    }
    /// `sub rd, rn, rm`.
    pub fn sub_reg_reg_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.emit_al(op_sub_reg(rd, rn, rm));
    }
    /// `mul rd, rm, rs` (`asm_arm_mul_reg_reg_reg(rd, rs, rm)`; `rd` must differ from `rm`).
    pub fn mul_reg_reg_reg(&mut self, rd: Reg, rs: Reg, rm: Reg) {
        if rd == rm {
            self.base
                .set_error(super::AsmError::Unencodable("mul rd, rm"));
        }
        self.emit_al(op_mul_reg(rd, rm, rs));
    }
    /// `and rd, rn, rm`.
    pub fn and_reg_reg_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.emit_al(op_and_reg(rd, rn, rm));
    }
    /// `eor rd, rn, rm`.
    pub fn eor_reg_reg_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.emit_al(op_eor_reg(rd, rn, rm));
    }
    /// `orr rd, rn, rm`.
    pub fn orr_reg_reg_reg(&mut self, rd: Reg, rn: Reg, rm: Reg) {
        self.emit_al(op_orr_reg(rd, rn, rm));
    }

    /// `add rd, sp, #local_num * 4`, through `r8` from local 64 on (`asm_arm_mov_reg_local_addr`).
    pub fn mov_reg_local_addr_arm(&mut self, rd: Reg, local_num: u32) {
        if local_num >= 0x40 {
            self.mov_reg_i32_optimised(REG_TEMP, (local_num << 2) as i32);
            self.emit_al(op_add_reg(rd, SP, REG_TEMP));
        } else {
            self.emit_al(op_add_imm(rd, SP, local_num << 2));
        }
    }

    /// `ldr rd, [pc]; b pc; .word rel; add rd, rd, pc` (`asm_arm_mov_reg_pcrel`).
    pub fn mov_reg_pcrel_arm(&mut self, rd: Reg, label: Label) {
        let rel = self.base.label_dest(label) - self.base.pos() - (12 + 8);
        self.emit_al(0x59f_0000 | (reg(rd) << 12));
        self.emit_al(0xa00_0000);
        self.emit(rel as u32);
        self.add_reg_reg_reg(rd, rd, PC);
    }

    /// `mov rd, rd, lsl rs`.
    pub fn lsl_reg_reg_arm(&mut self, rd: Reg, rs: Reg) {
        self.emit_al(0x1a0_0010 | (reg(rd) << 12) | (reg(rs) << 8) | reg(rd));
    }
    /// `mov rd, rd, lsr rs`.
    pub fn lsr_reg_reg_arm(&mut self, rd: Reg, rs: Reg) {
        self.emit_al(0x1a0_0030 | (reg(rd) << 12) | (reg(rs) << 8) | reg(rd));
    }
    /// `mov rd, rd, asr rs`.
    pub fn asr_reg_reg_arm(&mut self, rd: Reg, rs: Reg) {
        self.emit_al(0x1a0_0050 | (reg(rd) << 12) | (reg(rs) << 8) | reg(rd));
    }

    /// A load/store with a 12-bit immediate offset, or through `r8` for larger ones:
    /// `op_imm | rn | rd | off` or `op_reg | rn | rd | r8`.
    fn mem_word_or_byte(&mut self, op_imm: u32, op_reg: u32, rd: Reg, rn: Reg, byte_offset: u32) {
        if byte_offset < 0x1000 {
            self.emit_al(op_imm | (reg(rn) << 16) | (reg(rd) << 12) | byte_offset);
        } else {
            self.mov_reg_i32_optimised(REG_TEMP, byte_offset as i32);
            self.emit_al(op_reg | (reg(rn) << 16) | (reg(rd) << 12) | reg(REG_TEMP));
        }
    }

    /// A half-word load/store with a split 8-bit immediate offset, or through `r8`.
    fn mem_half(&mut self, op_imm: u32, op_reg: u32, rd: Reg, rn: Reg, byte_offset: u32) {
        if byte_offset < 0x100 {
            self.emit_al(
                op_imm
                    | (reg(rn) << 16)
                    | (reg(rd) << 12)
                    | ((byte_offset & 0xf0) << 4)
                    | (byte_offset & 0xf),
            );
        } else {
            self.mov_reg_i32_optimised(REG_TEMP, byte_offset as i32);
            self.emit_al(op_reg | (reg(rn) << 16) | (reg(rd) << 12) | reg(REG_TEMP));
        }
    }

    /// `ldr rd, [rn, #byte_offset]`.
    pub fn ldr_reg_reg_offset(&mut self, rd: Reg, rn: Reg, byte_offset: u32) {
        self.mem_word_or_byte(0x590_0000, 0x790_0000, rd, rn, byte_offset);
    }
    /// `ldrh rd, [rn, #byte_offset]`.
    pub fn ldrh_reg_reg_offset(&mut self, rd: Reg, rn: Reg, byte_offset: u32) {
        self.mem_half(0x1d0_00b0, 0x190_00b0, rd, rn, byte_offset);
    }
    /// `ldrb rd, [rn, #byte_offset]`.
    pub fn ldrb_reg_reg_offset(&mut self, rd: Reg, rn: Reg, byte_offset: u32) {
        self.mem_word_or_byte(0x5d0_0000, 0x7d0_0000, rd, rn, byte_offset);
    }
    /// `str rd, [rm, #byte_offset]`.
    pub fn str_reg_reg_offset(&mut self, rd: Reg, rm: Reg, byte_offset: u32) {
        self.mem_word_or_byte(0x580_0000, 0x780_0000, rd, rm, byte_offset);
    }
    /// `strh rd, [rn, #byte_offset]`.
    pub fn strh_reg_reg_offset(&mut self, rd: Reg, rn: Reg, byte_offset: u32) {
        self.mem_half(0x1c0_00b0, 0x180_00b0, rd, rn, byte_offset);
    }
    /// `strb rd, [rm, #byte_offset]`.
    pub fn strb_reg_reg_offset(&mut self, rd: Reg, rm: Reg, byte_offset: u32) {
        self.mem_word_or_byte(0x5c0_0000, 0x7c0_0000, rd, rm, byte_offset);
    }

    /// `ldrb rd, [rm, rn]`.
    pub fn ldrb_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x7d0_0000 | (reg(rm) << 16) | (reg(rd) << 12) | reg(rn));
    }
    /// `mov r8, rn, lsl #1; ldrh rd, [rm, r8]`.
    pub fn ldrh_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x1a0_0080 | (reg(REG_TEMP) << 12) | reg(rn));
        self.emit_al(0x190_00b0 | (reg(rm) << 16) | (reg(rd) << 12) | reg(REG_TEMP));
    }
    /// `ldr rd, [rm, rn, lsl #2]`.
    pub fn ldr_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x790_0100 | (reg(rm) << 16) | (reg(rd) << 12) | reg(rn));
    }
    /// `strb rd, [rm, rn]`.
    pub fn strb_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x7c0_0000 | (reg(rm) << 16) | (reg(rd) << 12) | reg(rn));
    }
    /// `mov r8, rn, lsl #1; strh rd, [rm, r8]`.
    pub fn strh_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x1a0_0080 | (reg(REG_TEMP) << 12) | reg(rn));
        self.emit_al(0x180_00b0 | (reg(rm) << 16) | (reg(rd) << 12) | reg(REG_TEMP));
    }
    /// `str rd, [rm, rn, lsl #2]`.
    pub fn str_reg_reg_reg(&mut self, rd: Reg, rm: Reg, rn: Reg) {
        self.emit_al(0x780_0100 | (reg(rm) << 16) | (reg(rd) << 12) | reg(rn));
    }

    /// `b<cond> label` (`asm_arm_bcc_label`); like the reference, nothing is written when the
    /// distance does not fit 24 bits of words.
    pub fn bcc_label(&mut self, cond: Cond, label: Label) {
        let rel = (self.base.label_dest(label) - self.base.pos() - 8) >> 2;
        if signed_fits(rel, 24) {
            self.emit(cond as u32 | 0xa00_0000 | (rel as u32 & 0xff_ffff));
        }
    }

    /// `b label`.
    pub fn b_label(&mut self, label: Label) {
        self.bcc_label(Cond::Al, label);
    }

    /// `mov lr, pc; ldr pc, [r7, #fun_id * 4]` (`asm_arm_bl_ind`).
    pub fn bl_ind(&mut self, fun_id: u32) {
        if fun_id >= 0x1000 / 4 {
            self.base.set_error(super::AsmError::Unencodable("bl_ind"));
        }
        self.emit_al(op_mov_reg(LR, PC));
        self.emit_al(0x597_f000 | (fun_id << 2));
    }

    /// `bx reg`.
    pub fn bx_reg(&mut self, reg_src: Reg) {
        self.emit_al(0x012f_ff10 | reg(reg_src));
    }
}

impl NativeAsm for Arm {
    const WORD_SIZE: usize = 4;
    const REG_RET: Reg = R0;
    const REG_ARG_1: Reg = R0;
    const REG_ARG_2: Reg = R1;
    const REG_ARG_3: Reg = R2;
    const REG_ARG_4: Reg = R3;
    const REG_TEMP0: Reg = R0;
    const REG_TEMP1: Reg = R1;
    const REG_TEMP2: Reg = R2;
    const REG_LOCAL_1: Reg = R4;
    const REG_LOCAL_2: Reg = R5;
    const REG_LOCAL_3: Reg = R6;
    const REG_FUN_TABLE: Reg = R7;

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_arm(num_locals);
    }
    fn exit(&mut self) {
        self.exit_arm();
    }

    fn jump(&mut self, label: Label) {
        self.b_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_reg_i8(reg, 0);
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, _bool_test: bool) {
        self.cmp_reg_i8(reg, 0);
        self.bcc_label(Cond::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.cmp_reg_reg(reg1, reg2);
        self.bcc_label(Cond::Eq, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.bx_reg(reg);
    }
    fn call_ind(&mut self, fun_id: u32) {
        self.bl_ind(fun_id);
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_local_reg_arm(local_num, reg_src);
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_reg_i32_optimised(reg_dest, imm as i32);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_arm(reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.emit_al(op_mov_reg(reg_dest, reg_src));
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_reg_local_addr_arm(reg_dest, local_num);
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_arm(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.eor_reg_reg_reg(reg_dest, reg_dest, reg_dest);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.mvn_reg_reg(reg, reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.rsb_reg_reg_imm(reg, reg, 0);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.lsl_reg_reg_arm(reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.lsr_reg_reg_arm(reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.asr_reg_reg_arm(reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.orr_reg_reg_reg(reg_dest, reg_dest, reg_src);
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.eor_reg_reg_reg(reg_dest, reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.and_reg_reg_reg(reg_dest, reg_dest, reg_src);
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.add_reg_reg_reg(reg_dest, reg_dest, reg_src);
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.sub_reg_reg_reg(reg_dest, reg_dest, reg_src);
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mul_reg_reg_reg(reg_dest, reg_dest, reg_src);
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
        self.cmp_reg_reg(reg_lhs, reg_rhs);
        self.setcc_reg(reg_dest, cond);
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load32_reg_reg_offset(reg_dest, reg_base, word_offset);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.ldrb_reg_reg_offset(reg_dest, reg_base, byte_offset);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.ldrh_reg_reg_offset(reg_dest, reg_base, halfword_offset.wrapping_mul(2));
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.ldr_reg_reg_offset(reg_dest, reg_base, word_offset.wrapping_mul(4));
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store32_reg_reg_offset(reg_src, reg_base, word_offset);
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.strb_reg_reg_offset(reg_src, reg_base, byte_offset);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.strh_reg_reg_offset(reg_src, reg_base, halfword_offset.wrapping_mul(2));
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.str_reg_reg_offset(reg_src, reg_base, word_offset.wrapping_mul(4));
    }

    fn load8_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.ldrb_reg_reg_reg(reg_dest, reg_base, reg_index);
    }
    fn load16_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.ldrh_reg_reg_reg(reg_dest, reg_base, reg_index);
    }
    fn load32_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.ldr_reg_reg_reg(reg_dest, reg_base, reg_index);
    }
    fn store8_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.strb_reg_reg_reg(reg_val, reg_base, reg_index);
    }
    fn store16_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.strh_reg_reg_reg(reg_val, reg_base, reg_index);
    }
    fn store32_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.str_reg_reg_reg(reg_val, reg_base, reg_index);
    }
}
