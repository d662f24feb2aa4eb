//! Native-code assemblers: the two-pass base and the generic `ASM_*` interface (after py/asmbase.[ch] and
//! the `GENERIC_ASM_API` section of py/asmarm.h, py/asmthumb.h, py/asmx64.h, py/asmx86.h, py/asmxtensa.h, py/asmrv32.h).
//!
//! Every function is assembled at least twice. A *compute* pass only counts bytes and records where
//! each label lands; the *emit* pass writes the bytes into a buffer of exactly the size the last
//! compute pass measured. Forward jumps are sized from what the compute pass knew (nothing), so
//! they take the long form; backward jumps are sized from the label's known offset. Both passes
//! must therefore choose the same sequence, which every back end guarantees the way the reference does.
//!
//! [`NativeAsm`] is the surface py/emitnative.c uses: one method per `ASM_*` macro, plus
//! associated constants for the word size and register assignment, so one generic native emitter
//! can drive [`arm::Arm`], [`debug::Debug`] (a text trace), [`rv32::Rv32`], [`thumb::Thumb`], [`x64::X64`], [`x86::X86`] and [`xtensa::Xtensa`].

pub mod arm;
pub mod debug;
pub mod rv32;
pub mod thumb;
pub mod x64;
pub mod x86;
pub mod xtensa;

#[cfg(test)]
mod emit_tests;

use core::fmt;

/// A machine register number as the ISA numbers it (`r0`..`r15`, `rax`..`r15`, `a0`..`a15`).
pub type Reg = u8;

/// A jump target, numbered by the emitter (`uint label` in the reference). Labels are assigned once
/// per pass with [`AsmBase::label_assign`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

/// Which of the two assembler passes is running (`MP_ASM_PASS_COMPUTE` / `MP_ASM_PASS_EMIT`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AsmPass {
    /// Count bytes and record label offsets; nothing is written.
    #[default]
    Compute,
    /// Write the bytes; label offsets are those of the last compute pass.
    Emit,
}

/// An error the reference raises while assembling (it aborts the compile with this exception).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AsmError {
    /// Thumb: a local's word offset does not fit the 8-bit `sp`-relative field
    /// (`NotImplementedError: too many locals for native method`, `asm_thumb_mov_local_check`).
    TooManyLocals,
    /// Xtensa: a branch, `call0` or `l32r` target is out of range
    /// (`RuntimeError: ERROR: xtensa <what> out of range`); `what` is `bccz`, `bcc`, `bit_branch`, `call0` or `l32r`.
    XtensaOutOfRange(&'static str),
    /// Xtensa: a `call0`/`l32r` target or location is not word aligned
    /// (`RuntimeError: ERROR: <op> <what> not word-aligned`).
    XtensaNotAligned {
        /// `call0` or `l32r`.
        op: &'static str,
        /// `target` or `location`.
        what: &'static str,
    },
    /// A label landed at a different offset in the emit pass than in the compute pass, or was
    /// assigned twice in one compute pass (an `assert` in the reference: an emitter bug, not an input error).
    LabelMismatch(Label),
    /// A write went past the size measured by the compute pass (an `assert` in the reference).
    CodeOverflow,
    /// An operand the reference only `assert`s against (e.g. a high register where Thumb-1 needs
    /// `r0`..`r7`): an emitter bug, not an input error. Names the operation.
    Unencodable(&'static str),
}

impl AsmError {
    /// The exception class the reference raises (`NotImplementedError`, `RuntimeError`, or
    /// `AssertionError` for the cases where the reference would abort on an `assert`).
    #[must_use]
    pub const fn class_name(&self) -> &'static str {
        match self {
            Self::TooManyLocals => "NotImplementedError",
            Self::XtensaOutOfRange(_) | Self::XtensaNotAligned { .. } => "RuntimeError",
            Self::LabelMismatch(_) | Self::CodeOverflow | Self::Unencodable(_) => "AssertionError",
        }
    }
}

impl fmt::Display for AsmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooManyLocals => f.write_str("too many locals for native method"),
            Self::XtensaOutOfRange(what) => write!(f, "ERROR: xtensa {what} out of range"),
            Self::XtensaNotAligned { op, what } => write!(f, "ERROR: {op} {what} not word-aligned"),
            Self::LabelMismatch(label) => write!(
                f,
                "machine code layout did not settle: label {} moved between passes (a jump changed \
                 size; the reference aborts on this assert); compile this function as bytecode",
                label.0
            ),
            Self::CodeOverflow => f.write_str("machine code larger than measured"),
            Self::Unencodable(op) => write!(f, "operands of {op} cannot be encoded"),
        }
    }
}

/// The state every assembler shares (`mp_asm_base_t`): pass, dead-code suppression, the write
/// position, the code buffer and the label table.
///
/// Errors never panic: the first one is kept (see [`AsmBase::error`]) and assembly carries on,
/// as the emitter discards the code once it sees the error.
#[derive(Clone, Debug, Default)]
pub struct AsmBase {
    pass: AsmPass,
    suppress: bool,
    code_offset: usize,
    code: Vec<u8>,
    label_offsets: Vec<Option<usize>>,
    error: Option<AsmError>,
}

impl AsmBase {
    /// A base with room for `max_num_labels` labels (`mp_asm_base_init`).
    #[must_use]
    pub fn new(max_num_labels: usize) -> Self {
        Self {
            label_offsets: vec![None; max_num_labels],
            ..Self::default()
        }
    }

    /// Start a pass (`mp_asm_base_start_pass`). A compute pass forgets all labels; the emit pass
    /// allocates a zeroed buffer of the size the previous pass measured and keeps the labels.
    pub fn start_pass(&mut self, pass: AsmPass) {
        match pass {
            AsmPass::Compute => self.label_offsets.iter_mut().for_each(|l| *l = None),
            AsmPass::Emit => {
                self.code.clear();
                self.code.resize(self.code_offset, 0);
            }
        }
        self.pass = pass;
        self.suppress = false;
        self.code_offset = 0;
    }

    /// The running pass.
    #[must_use]
    pub fn pass(&self) -> AsmPass {
        self.pass
    }

    /// Whether this is the emit pass.
    #[must_use]
    pub fn is_emit(&self) -> bool {
        self.pass == AsmPass::Emit
    }

    /// Suppress code until the next label: what follows is dead (`mp_asm_base_suppress_code`).
    pub fn suppress_code(&mut self) {
        self.suppress = true;
    }

    /// Whether code is being suppressed.
    #[must_use]
    pub fn is_suppressed(&self) -> bool {
        self.suppress
    }

    /// The current write position (`mp_asm_base_get_code_pos`).
    #[must_use]
    pub fn code_pos(&self) -> usize {
        self.code_offset
    }

    /// The size of the emitted code (`mp_asm_base_get_code_size`): the size measured by the last
    /// compute pass, which is the buffer size in the emit pass.
    #[must_use]
    pub fn code_size(&self) -> usize {
        self.code.len()
    }

    /// The emitted machine code (`mp_asm_base_get_code`); empty before the emit pass.
    #[must_use]
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// Take the emitted code out of the assembler.
    #[must_use]
    pub fn take_code(&mut self) -> Vec<u8> {
        core::mem::take(&mut self.code)
    }

    /// The first error raised since the assembler was made (or since [`AsmBase::take_error`]).
    #[must_use]
    pub fn error(&self) -> Option<&AsmError> {
        self.error.as_ref()
    }

    /// Take the first error out, clearing it.
    pub fn take_error(&mut self) -> Option<AsmError> {
        self.error.take()
    }

    /// Record an error; only the first is kept (the reference stops at the first raise).
    #[cold]
    pub fn set_error(&mut self, error: AsmError) {
        self.error.get_or_insert(error);
    }

    /// Reserve `n` bytes at the write position (`mp_asm_base_get_cur_to_write_bytes`). Returns
    /// where to write them in the emit pass, `None` in the compute pass; when code is suppressed
    /// nothing is reserved and the position does not move.
    pub fn reserve(&mut self, n: usize) -> Option<usize> {
        if self.suppress {
            return None;
        }
        let at = self.code_offset;
        self.code_offset += n;
        if self.pass == AsmPass::Emit {
            if self.code_offset > self.code.len() {
                self.set_error(AsmError::CodeOverflow);
                self.code.resize(self.code_offset, 0);
            }
            Some(at)
        } else {
            None
        }
    }

    /// Write bytes at the write position (or just count them).
    pub fn write(&mut self, bytes: &[u8]) {
        if let Some(at) = self.reserve(bytes.len()) {
            self.code[at..at + bytes.len()].copy_from_slice(bytes);
        }
    }

    /// Overwrite bytes written earlier, at `at` (a position [`AsmBase::reserve`] returned). Works
    /// whether or not code is currently suppressed.
    pub fn patch(&mut self, at: usize, bytes: &[u8]) {
        let end = at + bytes.len();
        if end > self.code.len() {
            self.set_error(AsmError::CodeOverflow);
            self.code.resize(end, 0);
        }
        self.code[at..end].copy_from_slice(bytes);
    }

    /// Assign `label` to the write position (`mp_asm_base_label_assign`); this also ends any
    /// dead-code region.
    pub fn label_assign(&mut self, label: Label) {
        self.suppress = false;
        let here = self.code_offset;
        let Some(slot) = self.label_offsets.get_mut(label.0 as usize) else {
            self.set_error(AsmError::LabelMismatch(label));
            return;
        };
        match self.pass {
            AsmPass::Compute => {
                if slot.replace(here).is_some() {
                    self.set_error(AsmError::LabelMismatch(label));
                }
            }
            AsmPass::Emit => {
                if *slot != Some(here) {
                    self.set_error(AsmError::LabelMismatch(label));
                }
            }
        }
    }

    /// Where `label` was assigned: in the compute pass only once assigned, in the emit pass as
    /// measured by the compute pass.
    #[must_use]
    pub fn label_offset(&self, label: Label) -> Option<usize> {
        self.label_offsets.get(label.0 as usize).copied().flatten()
    }

    /// The label's offset the way the reference's branch arithmetic sees it: an unassigned label
    /// reads as `(size_t)-1`, i.e. -1 once subtracted from the write position.
    pub(crate) fn label_dest(&self, label: Label) -> i64 {
        self.label_offset(label).map_or(-1, |offset| offset as i64)
    }

    /// The write position as a signed number for branch arithmetic.
    pub(crate) fn pos(&self) -> i64 {
        self.code_offset as i64
    }

    /// Round the write position up to a multiple of `align` (a power of two) without writing
    /// (`mp_asm_base_align`); the skipped bytes stay zero.
    pub fn align(&mut self, align: usize) {
        debug_assert!(align.is_power_of_two());
        self.code_offset = (self.code_offset + align - 1) & !(align - 1);
    }

    /// Write the low `byte_size` bytes of `value`, little endian (`mp_asm_base_data`).
    pub fn data(&mut self, byte_size: usize, value: u64) {
        debug_assert!(byte_size <= 8);
        let bytes = value.to_le_bytes();
        self.write(&bytes[..byte_size]);
    }
}

/// A comparison emitnative turns into a 0/1 value (`MP_BINARY_OP_LESS` .. `MP_BINARY_OP_NOT_EQUAL`, in that order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    /// `<`
    Less,
    /// `>`
    More,
    /// `==`
    Equal,
    /// `<=`
    LessEqual,
    /// `>=`
    MoreEqual,
    /// `!=`
    NotEqual,
}

/// The generic assembler interface of py/emitnative.c: the `ASM_*` macros each arch header defines
/// under `GENERIC_ASM_API`, with the register assignment as associated constants.
///
/// Offsets named `*_offset` in the load/store methods count units of the access size (words for
/// the plain and 32-bit forms, half-words for 16-bit, bytes for 8-bit), exactly as the macros take them.
/// `local_num` counts machine words from the stack pointer.
pub trait NativeAsm {
    /// `ASM_WORD_SIZE`: bytes per machine word (4 or 8).
    const WORD_SIZE: usize;
    /// `REG_RET`: where a called function leaves its result.
    const REG_RET: Reg;
    /// `REG_ARG_1`: first argument of a call this function makes.
    const REG_ARG_1: Reg;
    /// `REG_ARG_2`.
    const REG_ARG_2: Reg;
    /// `REG_ARG_3`.
    const REG_ARG_3: Reg;
    /// `REG_ARG_4`.
    const REG_ARG_4: Reg;
    /// `REG_TEMP0` (caller-saved scratch).
    const REG_TEMP0: Reg;
    /// `REG_TEMP1`.
    const REG_TEMP1: Reg;
    /// `REG_TEMP2`.
    const REG_TEMP2: Reg;
    /// `REG_LOCAL_1` (callee-saved; holds a local variable).
    const REG_LOCAL_1: Reg;
    /// `REG_LOCAL_2`.
    const REG_LOCAL_2: Reg;
    /// `REG_LOCAL_3`.
    const REG_LOCAL_3: Reg;
    /// `REG_LOCAL_NUM`: how many `REG_LOCAL_*` registers there are.
    const REG_LOCAL_NUM: usize = 3;
    /// `REG_FUN_TABLE`: holds the pointer to `mp_fun_table`.
    const REG_FUN_TABLE: Reg;
    /// `REG_ZERO`: a register that always reads zero (RISC-V `x0`), stored directly where
    /// emitnative clears a local; `None` where the ISA has none (emitnative then uses `REG_TEMP0`).
    const REG_ZERO: Option<Reg> = None;
    /// `REG_PARENT_RET`: where this function returns its result (differs from [`NativeAsm::REG_RET`]
    /// only with the Xtensa register window).
    const REG_PARENT_RET: Reg = Self::REG_RET;
    /// `REG_PARENT_ARG_1`: this function's own first argument.
    const REG_PARENT_ARG_1: Reg = Self::REG_ARG_1;
    /// `REG_PARENT_ARG_2`.
    const REG_PARENT_ARG_2: Reg = Self::REG_ARG_2;
    /// `REG_PARENT_ARG_3`.
    const REG_PARENT_ARG_3: Reg = Self::REG_ARG_3;
    /// `REG_PARENT_ARG_4`.
    const REG_PARENT_ARG_4: Reg = Self::REG_ARG_4;
    /// Shifts take their count in this register only (x64: `rcx`; emitnative then pops the count
    /// into it and shifts `REG_RET` with `ASM_LSL_REG`). `None`: any register (`ASM_LSL_REG_REG`).
    const SHIFT_COUNT_REG: Option<Reg> = None;
    /// This function's own arguments arrive on the stack, not in `REG_PARENT_ARG_*` (x86 cdecl,
    /// the `#if N_X86` paths of emitnative's prologues): they are fetched with
    /// [`NativeAsm::mov_reg_arg`].
    const ARGS_ON_STACK: bool = false;

    /// The shared two-pass state.
    fn base(&self) -> &AsmBase;
    /// The shared two-pass state, mutably.
    fn base_mut(&mut self) -> &mut AsmBase;

    /// Which of `ASM_LOAD8/16/32_REG_REG_OFFSET` the arch defines (`[8, 16, 32]`); for a missing
    /// one emitnative adds the scaled index to the base itself and loads without an offset.
    const LOAD_OFFSET_FORMS: [bool; 3] = [true; 3];
    /// Which of `ASM_STORE8/16/32_REG_REG_OFFSET` the arch defines.
    const STORE_OFFSET_FORMS: [bool; 3] = [true; 3];

    /// `mp_asm_base_label_assign` (the debug arch also prints the label).
    fn label_assign(&mut self, label: Label) {
        self.base_mut().label_assign(label);
    }

    /// `mp_asm_base_start_pass`.
    fn start_pass(&mut self, pass: AsmPass) {
        self.base_mut().start_pass(pass);
    }
    /// `ASM_END_PASS`.
    fn end_pass(&mut self) {}

    /// `ASM_ENTRY(as, num_locals, name)`: prologue reserving `num_locals` stack words.
    fn entry(&mut self, num_locals: u32);
    /// `ASM_ENTRY(as, num_locals, name)` with the scope's qualified name, which only the debug
    /// arch uses.
    fn entry_named(&mut self, num_locals: u32, name: &str) {
        let _ = name;
        self.entry(num_locals);
    }
    /// `ASM_EXIT`: epilogue and return.
    fn exit(&mut self);

    /// `asm_x86_mov_arg_to_r32(as, arg_num, reg_dest)`: load this function's argument `arg_num`
    /// from the stack. Only called when [`NativeAsm::ARGS_ON_STACK`]; elsewhere an emitter bug.
    fn mov_reg_arg(&mut self, reg_dest: Reg, arg_num: u32) {
        let _ = (reg_dest, arg_num);
        self.base_mut()
            .set_error(AsmError::Unencodable("mov_reg_arg"));
    }

    /// `ASM_JUMP`.
    fn jump(&mut self, label: Label);
    /// `ASM_JUMP_IF_REG_ZERO(as, reg, label, bool_test)`; `bool_test` says only the low byte matters.
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, bool_test: bool);
    /// `ASM_JUMP_IF_REG_NONZERO(as, reg, label, bool_test)`.
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, bool_test: bool);
    /// `ASM_JUMP_IF_REG_EQ(as, reg1, reg2, label)`.
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label);
    /// `ASM_JUMP_REG`: jump to the address in `reg`.
    fn jump_reg(&mut self, reg: Reg);
    /// `ASM_CALL_IND(as, idx)`: call `mp_fun_table[fun_id]`.
    fn call_ind(&mut self, fun_id: u32);
    /// The call emitnative makes to `MP_F_SETUP_CODE_STATE`, which needs all four argument
    /// registers intact: Thumb uses `asm_thumb_bl_ind(.., r4)` because its `ASM_CALL_IND` goes through
    /// `r3` (= `REG_ARG_4`); elsewhere plain `ASM_CALL_IND`.
    fn call_ind_keep_args(&mut self, fun_id: u32) {
        self.call_ind(fun_id);
    }

    /// `ASM_MOV_LOCAL_REG(as, local_num, reg)`: store `reg` into stack word `local_num`.
    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg);
    /// `ASM_MOV_REG_IMM(as, reg, imm)`: load an immediate, picking the shortest sequence.
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64);
    /// `ASM_MOV_REG_LOCAL(as, reg, local_num)`.
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32);
    /// `ASM_MOV_REG_REG(as, reg_dest, reg_src)`.
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_MOV_REG_LOCAL_ADDR(as, reg, local_num)`: the address of stack word `local_num`.
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32);
    /// `ASM_MOV_REG_PCREL(as, reg, label)`: the absolute address of `label` (Thumb: with bit 0 set).
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label);
    /// `ASM_CLR_REG`.
    fn clr_reg(&mut self, reg_dest: Reg);
    /// `ASM_MOV_LOCAL_MP_OBJ_NULL(as, local_num, reg_temp)` (none of these ISAs has `REG_ZERO`):
    /// clear `reg_temp` and store it into the local.
    fn mov_local_mp_obj_null(&mut self, local_num: u32, reg_temp: Reg) {
        self.clr_reg(reg_temp);
        self.mov_local_reg(local_num, reg_temp);
    }

    /// `ASM_NOT_REG`. The default is emitnative's fallback for ISAs without it (Xtensa):
    /// `-1` into `REG_ARG_1` (or `REG_ARG_2` when that is `REG_RET`), then XOR.
    fn not_reg(&mut self, reg: Reg) {
        let scratch = if Self::REG_RET == Self::REG_ARG_1 {
            Self::REG_ARG_2
        } else {
            Self::REG_ARG_1
        };
        self.mov_reg_imm(scratch, -1);
        self.xor_reg_reg(reg, scratch);
    }
    /// `ASM_NEG_REG`.
    fn neg_reg(&mut self, reg: Reg);
    /// `ASM_LSL_REG_REG(as, reg_dest, reg_shift)` (x64: `ASM_LSL_REG`; `reg_shift` must be
    /// [`NativeAsm::SHIFT_COUNT_REG`]).
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg);
    /// `ASM_LSR_REG_REG` (logical).
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg);
    /// `ASM_ASR_REG_REG` (arithmetic).
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg);
    /// `ASM_OR_REG_REG`.
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_XOR_REG_REG`.
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_AND_REG_REG`.
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_ADD_REG_REG`.
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_SUB_REG_REG`.
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);
    /// `ASM_MUL_REG_REG`.
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg);

    /// The comparison block of `emit_native_binary_op`: `reg_dest = (reg_lhs <op> reg_rhs) ? 1 : 0`,
    /// signed or unsigned, with each ISA's sequence (x64 `xor/cmp/setcc`; Thumb `cmp` + `ite` or,
    /// on armv6m, branches; Xtensa `movi.n/bcc/movi.n`). `reg_dest` must differ from both inputs.
    fn compare_set(
        &mut self,
        op: CompareOp,
        unsigned: bool,
        reg_dest: Reg,
        reg_lhs: Reg,
        reg_rhs: Reg,
    );

    /// `ASM_LOAD_REG_REG_OFFSET(as, reg_dest, reg_base, word_offset)`: a machine word.
    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32);
    /// `ASM_LOAD8_REG_REG_OFFSET` (zero-extending).
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32);
    /// `ASM_LOAD16_REG_REG_OFFSET` (zero-extending).
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32);
    /// `ASM_LOAD32_REG_REG_OFFSET` (zero-extending on x64).
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32);
    /// `ASM_LOAD8_REG_REG`.
    fn load8_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.load8_reg_reg_offset(reg_dest, reg_base, 0);
    }
    /// `ASM_LOAD16_REG_REG`.
    fn load16_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.load16_reg_reg_offset(reg_dest, reg_base, 0);
    }
    /// `ASM_LOAD32_REG_REG`.
    fn load32_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.load32_reg_reg_offset(reg_dest, reg_base, 0);
    }

    /// `ASM_STORE_REG_REG_OFFSET(as, reg_src, reg_base, word_offset)`: a machine word.
    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32);
    /// `ASM_STORE8_REG_REG_OFFSET`.
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32);
    /// `ASM_STORE16_REG_REG_OFFSET`.
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32);
    /// `ASM_STORE32_REG_REG_OFFSET`.
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32);
    /// `ASM_STORE8_REG_REG`.
    fn store8_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.store8_reg_reg_offset(reg_src, reg_base, 0);
    }
    /// `ASM_STORE16_REG_REG`.
    fn store16_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.store16_reg_reg_offset(reg_src, reg_base, 0);
    }
    /// `ASM_STORE32_REG_REG`.
    fn store32_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.store32_reg_reg_offset(reg_src, reg_base, 0);
    }

    /// `ASM_LOAD8_REG_REG_REG(as, reg_dest, reg_base, reg_index)`: `reg_dest = base[index]`.
    /// The default is emitnative's fallback (x64): `reg_base += reg_index`, then load.
    fn load8_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.add_reg_reg(reg_base, reg_index);
        self.load8_reg_reg(reg_dest, reg_base);
    }
    /// `ASM_LOAD16_REG_REG_REG`; default: add the index twice, then load.
    fn load16_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        self.add_reg_reg(reg_base, reg_index);
        self.add_reg_reg(reg_base, reg_index);
        self.load16_reg_reg(reg_dest, reg_base);
    }
    /// `ASM_LOAD32_REG_REG_REG`; default: add the index four times, then load.
    fn load32_reg_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg, reg_index: Reg) {
        for _ in 0..4 {
            self.add_reg_reg(reg_base, reg_index);
        }
        self.load32_reg_reg(reg_dest, reg_base);
    }
    /// `ASM_STORE8_REG_REG_REG(as, reg_val, reg_base, reg_index)`; default: add, then store.
    fn store8_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.add_reg_reg(reg_base, reg_index);
        self.store8_reg_reg(reg_val, reg_base);
    }
    /// `ASM_STORE16_REG_REG_REG`; default: add the index twice, then store.
    fn store16_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        self.add_reg_reg(reg_base, reg_index);
        self.add_reg_reg(reg_base, reg_index);
        self.store16_reg_reg(reg_val, reg_base);
    }
    /// `ASM_STORE32_REG_REG_REG`; default: add the index four times, then store.
    fn store32_reg_reg_reg(&mut self, reg_val: Reg, reg_base: Reg, reg_index: Reg) {
        for _ in 0..4 {
            self.add_reg_reg(reg_base, reg_index);
        }
        self.store32_reg_reg(reg_val, reg_base);
    }
}

/// An unsigned immediate known to fit `BITS` bits: where the reference picks another sequence
/// for values that do not fit, the encoder takes this type, so an unencodable value cannot reach it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UImm<const BITS: u32>(u32);

impl<const BITS: u32> UImm<BITS> {
    /// `Some` when `value` fits `BITS` unsigned bits.
    #[must_use]
    pub const fn maybe_from(value: u32) -> Option<Self> {
        if unsigned_fits(value as u64, BITS) {
            Some(Self(value))
        } else {
            None
        }
    }

    /// The value.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// A signed immediate known to fit a `BITS`-bit two's-complement field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SImm<const BITS: u32>(i32);

impl<const BITS: u32> SImm<BITS> {
    /// `Some` when `value` fits `BITS` signed bits.
    #[must_use]
    pub const fn maybe_from(value: i64) -> Option<Self> {
        if signed_fits(value, BITS) {
            Some(Self(value as i32))
        } else {
            None
        }
    }

    /// The value.
    #[must_use]
    pub const fn get(self) -> i32 {
        self.0
    }

    /// The value's low `BITS` bits, as the field holds them.
    #[must_use]
    pub const fn bits(self) -> u32 {
        (self.0 as u32) & ((1u32 << BITS) - 1)
    }
}

/// `SIGNED_FIT<n>`: whether `value` fits in an `n`-bit two's-complement field.
pub(crate) const fn signed_fits(value: i64, bits: u32) -> bool {
    let half = 1i64 << (bits - 1);
    -half <= value && value < half
}

/// `MP_FIT_UNSIGNED(n, value)` / `UNSIGNED_FIT<n>`.
pub(crate) const fn unsigned_fits(value: u64, bits: u32) -> bool {
    value >> bits == 0
}
