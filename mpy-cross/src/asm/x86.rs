//! x86 (32-bit) assembler (after py/asmx86.[ch] and the `mp_f_n_args` table of py/emitnx86.c).
//!
//! The encodings are those of x86-64 without REX prefixes. The calling convention is cdecl:
//! arguments travel on the stack, so [`X86::call_ind_x86`] pushes the argument registers the
//! callee takes (per [`fun_n_args`]) and the prologue fetches this function's own arguments from
//! the stack with [`X86::mov_arg_to_r32`].

use super::{signed_fits, AsmBase, CompareOp, Label, NativeAsm, Reg, SImm};

/// `eax` (return value, first argument register).
pub const EAX: Reg = 0;
/// `ecx` (shift counts, second argument register).
pub const ECX: Reg = 1;
/// `edx`.
pub const EDX: Reg = 2;
/// `ebx`.
pub const EBX: Reg = 3;
/// `esp`.
pub const ESP: Reg = 4;
/// `ebp`: holds the pointer to `mp_fun_table` (`ASM_X86_REG_FUN_TABLE`).
pub const EBP: Reg = 5;
/// `esi`.
pub const ESI: Reg = 6;
/// `edi`.
pub const EDI: Reg = 7;

/// Condition codes for `jcc` and `setcc` (`ASM_X86_CC_*`).
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

const OP_SIZE_PREFIX: u8 = 0x66;
const WORD: i32 = 4;

/// How many arguments `mp_fun_table[fun_id]` takes (`mp_f_n_args` in py/emitnx86.c); the
/// three constant-object entries and unknown ids take none.
#[must_use]
pub const fn fun_n_args(fun_id: u32) -> u32 {
    const N_ARGS: [u8; 50] = [
        0, 0, 0, // MP_F_CONST_NONE_OBJ, _FALSE_OBJ, _TRUE_OBJ
        2, 2, 1, // CONVERT_OBJ_TO_NATIVE, CONVERT_NATIVE_TO_OBJ, NATIVE_SWAP_GLOBALS
        1, 1, 0, // LOAD_NAME, LOAD_GLOBAL, LOAD_BUILD_CLASS
        2, 3, 2, // LOAD_ATTR, LOAD_METHOD, LOAD_SUPER_METHOD
        2, 2, 3, // STORE_NAME, STORE_GLOBAL, STORE_ATTR
        3, 1, 2, 3, // OBJ_SUBSCR, OBJ_IS_TRUE, UNARY_OP, BINARY_OP
        2, 2, 1, 2, // BUILD_TUPLE, BUILD_LIST, BUILD_MAP, BUILD_SET
        2, 2, 3, // STORE_SET, LIST_APPEND, STORE_MAP
        3, 3, 3,
        3, // MAKE_FUNCTION_FROM_PROTO_FUN, NATIVE_CALL_FUNCTION_N_KW, CALL_METHOD_N_KW(_VAR)
        2, 1, // NATIVE_GETITER, NATIVE_ITERNEXT
        1, 0, 1, // NLR_PUSH, NLR_POP, NATIVE_RAISE
        3, 2, 1, // IMPORT_NAME, IMPORT_FROM, IMPORT_ALL
        3, 3, 3, // NEW_SLICE, UNPACK_SEQUENCE, UNPACK_EX
        1, 1, 3, // DELETE_NAME, DELETE_GLOBAL, NEW_CLOSURE
        3, 4, // ARG_CHECK_NUM_SIG, SETUP_CODE_STATE
        2, 2, 3, 1, // SMALL_INT_FLOOR_DIVIDE, SMALL_INT_MODULO, NATIVE_YIELD_FROM, SETJMP
    ];
    if (fun_id as usize) < N_ARGS.len() {
        N_ARGS[fun_id as usize] as u32
    } else {
        0
    }
}

/// A ModRM byte with register-direct addressing (`MODRM_R32(reg) | MODRM_RM_REG | MODRM_RM_R32(rm)`).
#[must_use]
pub const fn modrm_reg(reg: Reg, rm: Reg) -> u8 {
    debug_assert!(reg < 8 && rm < 8);
    ((reg & 7) << 3) | 0xc0 | (rm & 7)
}

/// ModRM (+ SIB) + displacement addressing `[base + disp]` with `reg` in the reg field
/// (`asm_x86_write_r32_disp`): no displacement when 0 (except for ebp), else 8 or 32 bits.
#[must_use]
pub fn modrm_disp(reg: Reg, base: Reg, disp: i32) -> Vec<u8> {
    debug_assert!(reg < 8 && base < 8);
    let mut out = Vec::with_capacity(7);
    let disp8 = SImm::<8>::maybe_from(disp.into());
    let mode = if disp == 0 && base != EBP {
        0x00
    } else if disp8.is_some() {
        0x40
    } else {
        0x80
    };
    out.push(((reg & 7) << 3) | mode | (base & 7));
    if base == ESP {
        // esp as a base needs a SIB byte.
        out.push(0x24);
    }
    match (mode, disp8) {
        (0x40, Some(d)) => out.push(d.get() as u8),
        (0x80, _) => out.extend_from_slice(&disp.to_le_bytes()),
        _ => {}
    }
    out
}

/// The x86 assembler (`asm_x86_t`).
#[derive(Clone, Debug)]
pub struct X86 {
    base: AsmBase,
    num_locals: u32,
}

impl X86 {
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

    /// `<op> dest_r32, src_r32`, ModRM `reg = src, rm = dest` (`asm_x86_generic_r32_r32`).
    fn generic_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg, op: u8) {
        self.bytes(&[op, modrm_reg(src_r32, dest_r32)]);
    }

    /// `push src_r32`.
    pub fn push_r32(&mut self, src_r32: Reg) {
        self.bytes(&[0x50 | src_r32]);
    }

    /// `pop dest_r32`.
    pub fn pop_r32(&mut self, dest_r32: Reg) {
        self.bytes(&[0x58 | dest_r32]);
    }

    /// `ret`.
    pub fn ret(&mut self) {
        self.bytes(&[0xc3]);
    }

    /// `mov dest_r32, src_r32`.
    pub fn mov_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x89);
    }

    /// `mov byte [dest_r32 + dest_disp], src_r8` (`src_r32` must be one of the low four registers).
    pub fn mov_r8_to_mem8(&mut self, src_r32: Reg, dest_r32: Reg, dest_disp: i32) {
        self.bytes(&[0x88]);
        self.bytes(&modrm_disp(src_r32, dest_r32, dest_disp));
    }

    /// `mov word [dest_r32 + dest_disp], src_r16`.
    pub fn mov_r16_to_mem16(&mut self, src_r32: Reg, dest_r32: Reg, dest_disp: i32) {
        self.bytes(&[OP_SIZE_PREFIX, 0x89]);
        self.bytes(&modrm_disp(src_r32, dest_r32, dest_disp));
    }

    /// `mov dword [dest_r32 + dest_disp], src_r32`.
    pub fn mov_r32_to_mem32(&mut self, src_r32: Reg, dest_r32: Reg, dest_disp: i32) {
        self.bytes(&[0x89]);
        self.bytes(&modrm_disp(src_r32, dest_r32, dest_disp));
    }

    /// `movzx dest_r32, byte [src_r32 + src_disp]`.
    pub fn mov_mem8_to_r32zx(&mut self, src_r32: Reg, src_disp: i32, dest_r32: Reg) {
        self.bytes(&[0x0f, 0xb6]);
        self.bytes(&modrm_disp(dest_r32, src_r32, src_disp));
    }

    /// `movzx dest_r32, word [src_r32 + src_disp]`.
    pub fn mov_mem16_to_r32zx(&mut self, src_r32: Reg, src_disp: i32, dest_r32: Reg) {
        self.bytes(&[0x0f, 0xb7]);
        self.bytes(&modrm_disp(dest_r32, src_r32, src_disp));
    }

    /// `mov dest_r32, dword [src_r32 + src_disp]`.
    pub fn mov_mem32_to_r32(&mut self, src_r32: Reg, src_disp: i32, dest_r32: Reg) {
        self.bytes(&[0x8b]);
        self.bytes(&modrm_disp(dest_r32, src_r32, src_disp));
    }

    /// `lea dest_r32, [src_r32 + src_disp]`.
    pub fn lea_disp_to_r32(&mut self, src_r32: Reg, src_disp: i32, dest_r32: Reg) {
        self.bytes(&[0x8d]);
        self.bytes(&modrm_disp(dest_r32, src_r32, src_disp));
    }

    /// `mov dest_r32, imm32` (`asm_x86_mov_i32_to_r32`). Returns the offset of the immediate.
    pub fn mov_i32_to_r32(&mut self, src_i32: i32, dest_r32: Reg) -> usize {
        self.bytes(&[0xb8 | dest_r32]);
        let loc = self.base.code_pos();
        self.base.write(&src_i32.to_le_bytes());
        loc
    }

    /// `not dest_r32`.
    pub fn not_r32(&mut self, dest_r32: Reg) {
        self.generic_r32_r32(dest_r32, 2, 0xf7);
    }
    /// `neg dest_r32`.
    pub fn neg_r32(&mut self, dest_r32: Reg) {
        self.generic_r32_r32(dest_r32, 3, 0xf7);
    }
    /// `and dest_r32, src_r32`.
    pub fn and_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x21);
    }
    /// `or dest_r32, src_r32`.
    pub fn or_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x09);
    }
    /// `xor dest_r32, src_r32`.
    pub fn xor_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x31);
    }
    /// `shl dest_r32, cl`.
    pub fn shl_r32_cl(&mut self, dest_r32: Reg) {
        self.generic_r32_r32(dest_r32, 4, 0xd3);
    }
    /// `shr dest_r32, cl`.
    pub fn shr_r32_cl(&mut self, dest_r32: Reg) {
        self.generic_r32_r32(dest_r32, 5, 0xd3);
    }
    /// `sar dest_r32, cl`.
    pub fn sar_r32_cl(&mut self, dest_r32: Reg) {
        self.generic_r32_r32(dest_r32, 7, 0xd3);
    }
    /// `add dest_r32, src_r32`.
    pub fn add_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x01);
    }
    /// `sub dest_r32, src_r32`.
    pub fn sub_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.generic_r32_r32(dest_r32, src_r32, 0x29);
    }

    /// `imul dest_r32, src_r32`.
    pub fn mul_r32_r32(&mut self, dest_r32: Reg, src_r32: Reg) {
        self.bytes(&[0x0f, 0xaf, modrm_reg(dest_r32, src_r32)]);
    }

    /// `add dest_r32, imm` with an 8- or 32-bit immediate (`asm_x86_add_i32_to_r32`).
    pub fn add_i32_to_r32(&mut self, src_i32: i32, dest_r32: Reg) {
        self.imm_op(0, src_i32, dest_r32);
    }

    /// `sub dest_r32, imm` with an 8- or 32-bit immediate (`asm_x86_sub_r32_i32`).
    pub fn sub_r32_i32(&mut self, dest_r32: Reg, src_i32: i32) {
        self.imm_op(5, src_i32, dest_r32);
    }

    /// Group-1 `op /ext dest_r32, imm` (`0x83 ib` when the immediate fits 8 bits, else `0x81 id`).
    fn imm_op(&mut self, ext: u8, imm: i32, dest_r32: Reg) {
        if let Some(i8) = SImm::<8>::maybe_from(imm.into()) {
            self.bytes(&[0x83, modrm_reg(ext, dest_r32), i8.get() as u8]);
        } else {
            self.bytes(&[0x81, modrm_reg(ext, dest_r32)]);
            self.word32(imm.into());
        }
    }

    /// `cmp src_r32_b, src_r32_a` (operands in the reference's reverse order; `asm_x86_cmp_r32_with_r32`).
    pub fn cmp_r32_with_r32(&mut self, src_r32_a: Reg, src_r32_b: Reg) {
        self.generic_r32_r32(src_r32_b, src_r32_a, 0x39);
    }

    /// `test src_r8_b, src_r8_a` (low four registers only).
    pub fn test_r8_with_r8(&mut self, src_r32_a: Reg, src_r32_b: Reg) {
        self.bytes(&[0x84, modrm_reg(src_r32_a, src_r32_b)]);
    }

    /// `test src_r32_b, src_r32_a`.
    pub fn test_r32_with_r32(&mut self, src_r32_a: Reg, src_r32_b: Reg) {
        self.generic_r32_r32(src_r32_b, src_r32_a, 0x85);
    }

    /// `set<cc> dest_r8`.
    pub fn setcc_r8(&mut self, cond: Cond, dest_r8: Reg) {
        self.bytes(&[0x0f, 0x90 | cond as u8, modrm_reg(0, dest_r8)]);
    }

    /// `jmp src_r32`.
    pub fn jmp_reg(&mut self, src_r32: Reg) {
        self.bytes(&[0xff, modrm_reg(4, src_r32)]);
    }

    /// `jmp label`: `rel8` for a backward target in range, else `rel32` (`asm_x86_jmp_label`).
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

    /// `j<cc> label`: `rel8` for a backward target in range, else `rel32` (`asm_x86_jcc_label`).
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

    /// Prologue (`asm_x86_entry`): push ebp, ebx, esi, edi and reserve `num_locals | 3` words
    /// so esp stays 16-byte aligned.
    pub fn entry_x86(&mut self, num_locals: u32) {
        self.push_r32(EBP);
        self.push_r32(EBX);
        self.push_r32(ESI);
        self.push_r32(EDI);
        let num_locals = num_locals | 3;
        self.sub_r32_i32(ESP, (num_locals as i32).wrapping_mul(WORD));
        self.num_locals = num_locals;
    }

    /// Epilogue (`asm_x86_exit`).
    pub fn exit_x86(&mut self) {
        self.sub_r32_i32(
            ESP,
            (self.num_locals as i32).wrapping_mul(WORD).wrapping_neg(),
        );
        self.pop_r32(EDI);
        self.pop_r32(ESI);
        self.pop_r32(EBX);
        self.pop_r32(EBP);
        self.ret();
    }

    /// `mov dest_r32, [esp + offset of argument arg_num]` (`asm_x86_mov_arg_to_r32`): above esp
    /// are the locals, the four saved registers and the return address.
    pub fn mov_arg_to_r32(&mut self, arg_num: u32, dest_r32: Reg) {
        let offset = (self.num_locals as i32)
            .wrapping_add(4 + 1)
            .wrapping_add(arg_num as i32)
            .wrapping_mul(WORD);
        self.mov_mem32_to_r32(ESP, offset, dest_r32);
    }

    fn local_offset(local_num: u32) -> i32 {
        (local_num as i32).wrapping_mul(WORD)
    }

    /// `call next; pop dest; add dest, label - next` (`asm_x86_mov_reg_pcrel`).
    pub fn mov_reg_pcrel_x86(&mut self, dest_r32: Reg, label: Label) {
        self.bytes(&[0xe8]);
        self.word32(0);
        let rel = self.base.label_dest(label) - self.base.pos();
        self.pop_r32(dest_r32);
        self.bytes(&[0x81, modrm_reg(0, dest_r32)]);
        self.word32(rel);
    }

    /// Push the `n_args` argument registers (last first, after padding esp to 16 bytes), call
    /// `[ebp + fun_id * 4]` through `temp_r32`, then drop the arguments (`asm_x86_call_ind`).
    pub fn call_ind_x86(&mut self, fun_id: u32, n_args: u32, temp_r32: Reg) {
        debug_assert!(n_args <= 4);
        let align = ((n_args + 3) & !3) - n_args;
        if align != 0 {
            self.sub_r32_i32(ESP, (align as i32) * WORD);
        }
        for (reg, needed) in [(EBX, 3), (EDX, 2), (ECX, 1), (EAX, 0)] {
            if n_args > needed {
                self.push_r32(reg);
            }
        }
        self.mov_mem32_to_r32(EBP, (fun_id as i32).wrapping_mul(WORD), temp_r32);
        self.bytes(&[0xff, modrm_reg(2, temp_r32)]);
        if n_args > 0 {
            self.add_i32_to_r32(((n_args + align) as i32) * WORD, ESP);
        }
    }
}

impl NativeAsm for X86 {
    const WORD_SIZE: usize = 4;
    const REG_RET: Reg = EAX;
    const REG_ARG_1: Reg = EAX;
    const REG_ARG_2: Reg = ECX;
    const REG_ARG_3: Reg = EDX;
    const REG_ARG_4: Reg = EBX;
    const REG_TEMP0: Reg = EAX;
    const REG_TEMP1: Reg = ECX;
    const REG_TEMP2: Reg = EDX;
    const REG_LOCAL_1: Reg = EBX;
    const REG_LOCAL_2: Reg = ESI;
    const REG_LOCAL_3: Reg = EDI;
    const REG_FUN_TABLE: Reg = EBP;
    const SHIFT_COUNT_REG: Option<Reg> = Some(ECX);
    const ARGS_ON_STACK: bool = true;

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_x86(num_locals);
    }
    fn exit(&mut self) {
        self.exit_x86();
    }
    fn mov_reg_arg(&mut self, reg_dest: Reg, arg_num: u32) {
        self.mov_arg_to_r32(arg_num, reg_dest);
    }

    fn jump(&mut self, label: Label) {
        self.jmp_label(label);
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r32_with_r32(reg, reg);
        }
        self.jcc_label(Cond::E, label);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        if bool_test {
            self.test_r8_with_r8(reg, reg);
        } else {
            self.test_r32_with_r32(reg, reg);
        }
        self.jcc_label(Cond::Ne, label);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.cmp_r32_with_r32(reg1, reg2);
        self.jcc_label(Cond::E, label);
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.jmp_reg(reg);
    }
    fn call_ind(&mut self, fun_id: u32) {
        self.call_ind_x86(fun_id, fun_n_args(fun_id), EAX);
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        self.mov_r32_to_mem32(reg_src, ESP, Self::local_offset(local_num));
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        self.mov_i32_to_r32(imm as i32, reg_dest);
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.mov_mem32_to_r32(ESP, Self::local_offset(local_num), reg_dest);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mov_r32_r32(reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        let offset = Self::local_offset(local_num);
        if offset == 0 {
            self.mov_r32_r32(reg_dest, ESP);
        } else {
            self.lea_disp_to_r32(ESP, offset, reg_dest);
        }
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.mov_reg_pcrel_x86(reg_dest, label);
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.xor_r32_r32(reg_dest, reg_dest);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.not_r32(reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.neg_r32(reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, ECX);
        self.shl_r32_cl(reg_dest);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, ECX);
        self.shr_r32_cl(reg_dest);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        debug_assert_eq!(reg_shift, ECX);
        self.sar_r32_cl(reg_dest);
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.or_r32_r32(reg_dest, reg_src);
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.xor_r32_r32(reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.and_r32_r32(reg_dest, reg_src);
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.add_r32_r32(reg_dest, reg_src);
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.sub_r32_r32(reg_dest, reg_src);
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.mul_r32_r32(reg_dest, reg_src);
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
        self.xor_r32_r32(reg_dest, reg_dest);
        self.cmp_r32_with_r32(reg_rhs, reg_lhs);
        self.setcc_r8(cond, reg_dest);
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.load32_reg_reg_offset(reg_dest, reg_base, word_offset);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.mov_mem8_to_r32zx(reg_base, byte_offset as i32, reg_dest);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.mov_mem16_to_r32zx(reg_base, (halfword_offset as i32).wrapping_mul(2), reg_dest);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.mov_mem32_to_r32(reg_base, (word_offset as i32).wrapping_mul(4), reg_dest);
    }
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.store32_reg_reg_offset(reg_src, reg_base, word_offset);
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
