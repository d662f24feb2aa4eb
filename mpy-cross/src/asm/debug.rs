//! The `-march=debug` "assembler": writes no machine code, only a text trace of the generic
//! assembler calls the native emitter makes (after py/emitndebug.c, and the `label(...)` line of
//! `mp_asm_base_label_assign` in py/asmbase.c).
//!
//! Only the emit pass prints. Every line but `ENTRY`/`EXIT` is indented by four spaces, and a call
//! made while code is suppressed (after a jump, before the next label) is marked `dead_code`.
//! The machine-word size is 8, as the reference's debug emitter declares.
//!
//! The reference prints the trace to stdout as it goes; here it is collected per thread and
//! taken with [`take_trace`] once the compile ends (or fails), so a failed compile still has
//! the lines printed before the error.

use core::cell::{Cell, RefCell};
use core::fmt::Write as _;

use super::{AsmBase, CompareOp, Label, NativeAsm, Reg};

thread_local! {
    static TRACE: RefCell<String> = const { RefCell::new(String::new()) };
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// The trace written on this thread since the last call, emptying it (and accepting lines
/// again after [`stop_trace`]).
#[must_use]
pub fn take_trace() -> String {
    STOPPED.with(|s| s.set(false));
    TRACE.with(|t| core::mem::take(&mut *t.borrow_mut()))
}

/// Ignore further lines until [`take_trace`]: the emitter raised an exception, where the
/// reference stops compiling (and printing) at once.
pub fn stop_trace() {
    STOPPED.with(|s| s.set(true));
}

fn append(text: &str) {
    if !STOPPED.with(Cell::get) {
        TRACE.with(|t| t.borrow_mut().push_str(text));
    }
}

/// The register names of the trace (`reg_name_table`), indexed by the debug register numbers.
const REG_NAMES: [&str; 12] = [
    "r_ret",
    "r_arg1",
    "r_arg2",
    "r_arg3",
    "r_arg4",
    "r_temp0",
    "r_temp1",
    "r_temp2",
    "r_local1",
    "r_local2",
    "r_local3",
    "r_fun_table",
];

/// The `mp_fun_table` entry names (`fun_name_table`), indexed by `MP_F_*`; the first three
/// entries are constants, not functions, and have no name (C prints a null string as `(null)`).
const FUN_NAMES: [&str; 50] = [
    "(null)",
    "(null)",
    "(null)",
    "convert_obj_to_native",
    "convert_native_to_obj",
    "native_swap_globals",
    "load_name",
    "load_global",
    "load_build_class",
    "load_attr",
    "load_method",
    "load_super_method",
    "store_name",
    "store_global",
    "store_attr",
    "obj_subscr",
    "obj_is_true",
    "unary_op",
    "binary_op",
    "build_tuple",
    "build_list",
    "build_map",
    "build_set",
    "store_set",
    "list_append",
    "store_map",
    "make_function_from_proto_fun",
    "native_call_function_n_kw",
    "call_method_n_kw",
    "call_method_n_kw_var",
    "native_getiter",
    "native_iternext",
    "nlr_push",
    "nlr_pop",
    "native_raise",
    "import_name",
    "import_from",
    "import_all",
    "new_slice",
    "unpack_sequence",
    "unpack_ex",
    "delete_name",
    "delete_global",
    "new_closure",
    "arg_check_num_sig",
    "setup_code_state",
    "small_int_floor_divide",
    "small_int_modulo",
    "native_yield_from",
    "setjmp",
];

fn reg_name(reg: Reg) -> &'static str {
    REG_NAMES.get(usize::from(reg)).copied().unwrap_or("(null)")
}

/// The debug target (`asm_debug_t`): the shared two-pass state and nothing else.
#[derive(Clone, Debug)]
pub struct Debug {
    base: AsmBase,
}

impl Debug {
    /// A target with room for `max_num_labels` labels.
    #[must_use]
    pub fn new(max_num_labels: usize) -> Self {
        Self {
            base: AsmBase::new(max_num_labels),
        }
    }

    /// `asm_debug_printf`: in the emit pass, one trace line (indented unless it is `ENTRY`/`EXIT`,
    /// marked when the code is dead).
    fn line(&self, text: core::fmt::Arguments<'_>) {
        if !self.base.is_emit() {
            return;
        }
        let mut body = String::new();
        let _ = body.write_fmt(text);
        let mut line = String::new();
        if !body.starts_with('E') {
            line.push_str("    ");
        }
        if self.base.is_suppressed() {
            line.push_str("dead_code ");
        }
        line.push_str(&body);
        line.push('\n');
        append(&line);
    }

    fn op_reg(&self, op: &str, reg: Reg) {
        self.line(format_args!("{op}({})", reg_name(reg)));
    }

    fn op_reg_reg(&self, op: &str, reg1: Reg, reg2: Reg) {
        self.line(format_args!("{op}({}, {})", reg_name(reg1), reg_name(reg2)));
    }

    fn op_reg_local(&self, op: &str, reg: Reg, local: u32) {
        self.line(format_args!("{op}({}, local_{local})", reg_name(reg)));
    }

    fn op_reg_reg_offset(&self, op: &str, reg1: Reg, reg2: Reg, offset: u32) {
        // The reference passes the offset as an `int`.
        #[allow(clippy::cast_possible_wrap)]
        let offset = offset as i32;
        self.line(format_args!(
            "{op}({}, {}, {offset})",
            reg_name(reg1),
            reg_name(reg2)
        ));
    }

    fn op_reg_label_bool(&self, op: &str, reg: Reg, label: Label, b: bool) {
        self.line(format_args!(
            "{op}({}, label_{}, {b})",
            reg_name(reg),
            label.0
        ));
    }

    /// `ASM_ENTRY` with the scope's qualified name (`ENTRY(f, num_locals=3)`).
    pub fn entry_debug(&mut self, num_locals: u32, name: &str) {
        #[allow(clippy::cast_possible_wrap)]
        let num_locals = num_locals as i32;
        self.line(format_args!("ENTRY({name}, num_locals={num_locals})"));
    }
}

impl NativeAsm for Debug {
    const WORD_SIZE: usize = 8;
    const REG_RET: Reg = 0;
    const REG_ARG_1: Reg = 1;
    const REG_ARG_2: Reg = 2;
    const REG_ARG_3: Reg = 3;
    const REG_ARG_4: Reg = 4;
    const REG_TEMP0: Reg = 5;
    const REG_TEMP1: Reg = 6;
    const REG_TEMP2: Reg = 7;
    const REG_LOCAL_1: Reg = 8;
    const REG_LOCAL_2: Reg = 9;
    const REG_LOCAL_3: Reg = 10;
    const REG_FUN_TABLE: Reg = 11;
    // Only ASM_LOAD16_REG_REG_OFFSET exists among the sized offset forms.
    const LOAD_OFFSET_FORMS: [bool; 3] = [false, true, false];
    const STORE_OFFSET_FORMS: [bool; 3] = [false, false, false];

    fn base(&self) -> &AsmBase {
        &self.base
    }
    fn base_mut(&mut self) -> &mut AsmBase {
        &mut self.base
    }

    fn label_assign(&mut self, label: Label) {
        self.base.label_assign(label);
        if self.base.is_emit() {
            append(&format!("label(label_{})\n", label.0));
        }
    }

    fn entry(&mut self, num_locals: u32) {
        self.entry_debug(num_locals, "?");
    }
    fn entry_named(&mut self, num_locals: u32, name: &str) {
        self.entry_debug(num_locals, name);
    }
    fn exit(&mut self) {
        self.line(format_args!("EXIT(0)"));
    }

    fn jump(&mut self, label: Label) {
        self.line(format_args!("jump(label_{})", label.0));
    }
    fn jump_if_reg_zero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        self.op_reg_label_bool("jump_if_reg_zero", reg, label, bool_test);
    }
    fn jump_if_reg_nonzero(&mut self, reg: Reg, label: Label, bool_test: bool) {
        self.op_reg_label_bool("jump_if_reg_nonzero", reg, label, bool_test);
    }
    fn jump_if_reg_eq(&mut self, reg1: Reg, reg2: Reg, label: Label) {
        self.line(format_args!(
            "jump_if_reg_eq({}, {}, label_{})",
            reg_name(reg1),
            reg_name(reg2),
            label.0
        ));
    }
    fn jump_reg(&mut self, reg: Reg) {
        self.op_reg("jump_reg", reg);
    }
    fn call_ind(&mut self, fun_id: u32) {
        let name = FUN_NAMES.get(fun_id as usize).copied().unwrap_or("(null)");
        self.line(format_args!("call_ind({name})"));
    }

    fn mov_local_reg(&mut self, local_num: u32, reg_src: Reg) {
        #[allow(clippy::cast_possible_wrap)]
        let local = local_num as i32;
        self.line(format_args!(
            "mov_local_reg(local_{local}, {})",
            reg_name(reg_src)
        ));
    }
    fn mov_reg_imm(&mut self, reg_dest: Reg, imm: i64) {
        // The reference passes the value as an `int` and prints it with `%d=0x%x`.
        #[allow(clippy::cast_possible_truncation)]
        let imm = imm as i32;
        self.line(format_args!(
            "mov_reg_imm({}, {imm}=0x{:x})",
            reg_name(reg_dest),
            imm as u32
        ));
    }
    fn mov_reg_local(&mut self, reg_dest: Reg, local_num: u32) {
        self.op_reg_local("mov_reg_local", reg_dest, local_num);
    }
    fn mov_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("mov_reg_reg", reg_dest, reg_src);
    }
    fn mov_reg_local_addr(&mut self, reg_dest: Reg, local_num: u32) {
        self.op_reg_local("mov_reg_local_addr", reg_dest, local_num);
    }
    fn mov_reg_pcrel(&mut self, reg_dest: Reg, label: Label) {
        self.line(format_args!(
            "mov_reg_pcrel({}, label_{})",
            reg_name(reg_dest),
            label.0
        ));
    }
    fn clr_reg(&mut self, reg_dest: Reg) {
        self.op_reg("clr", reg_dest);
    }

    fn not_reg(&mut self, reg: Reg) {
        self.op_reg("not", reg);
    }
    fn neg_reg(&mut self, reg: Reg) {
        self.op_reg("neg", reg);
    }
    fn lsl_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op_reg_reg("lsl", reg_dest, reg_shift);
    }
    fn lsr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op_reg_reg("lsr", reg_dest, reg_shift);
    }
    fn asr_reg_reg(&mut self, reg_dest: Reg, reg_shift: Reg) {
        self.op_reg_reg("asr", reg_dest, reg_shift);
    }
    fn or_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("or", reg_dest, reg_src);
    }
    fn xor_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("xor", reg_dest, reg_src);
    }
    fn and_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("and", reg_dest, reg_src);
    }
    fn add_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("add", reg_dest, reg_src);
    }
    fn sub_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("sub", reg_dest, reg_src);
    }
    fn mul_reg_reg(&mut self, reg_dest: Reg, reg_src: Reg) {
        self.op_reg_reg("mul", reg_dest, reg_src);
    }

    fn compare_set(
        &mut self,
        op: CompareOp,
        unsigned: bool,
        reg_dest: Reg,
        reg_lhs: Reg,
        reg_rhs: Reg,
    ) {
        // `op - MP_BINARY_OP_LESS`, plus 6 for signed operands.
        let index = match op {
            CompareOp::Less => 0,
            CompareOp::More => 1,
            CompareOp::Equal => 2,
            CompareOp::LessEqual => 3,
            CompareOp::MoreEqual => 4,
            CompareOp::NotEqual => 5,
        } + if unsigned { 0 } else { 6 };
        self.line(format_args!(
            "setcc({index}, {}, {}, {})",
            reg_name(reg_dest),
            reg_name(reg_lhs),
            reg_name(reg_rhs)
        ));
    }

    fn load_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.op_reg_reg_offset("load", reg_dest, reg_base, word_offset);
    }
    fn load8_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, byte_offset: u32) {
        self.op_reg_reg_offset("load8", reg_dest, reg_base, byte_offset);
    }
    fn load16_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, halfword_offset: u32) {
        self.op_reg_reg_offset("load16", reg_dest, reg_base, halfword_offset);
    }
    fn load32_reg_reg_offset(&mut self, reg_dest: Reg, reg_base: Reg, word_offset: u32) {
        self.op_reg_reg_offset("load32", reg_dest, reg_base, word_offset);
    }
    fn load8_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.op_reg_reg("load8", reg_dest, reg_base);
    }
    fn load16_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.op_reg_reg("load16", reg_dest, reg_base);
    }
    fn load32_reg_reg(&mut self, reg_dest: Reg, reg_base: Reg) {
        self.op_reg_reg("load32", reg_dest, reg_base);
    }

    fn store_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.op_reg_reg_offset("store", reg_src, reg_base, word_offset);
    }
    fn store8_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, byte_offset: u32) {
        self.op_reg_reg_offset("store8", reg_src, reg_base, byte_offset);
    }
    fn store16_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, halfword_offset: u32) {
        self.op_reg_reg_offset("store16", reg_src, reg_base, halfword_offset);
    }
    fn store32_reg_reg_offset(&mut self, reg_src: Reg, reg_base: Reg, word_offset: u32) {
        self.op_reg_reg_offset("store32", reg_src, reg_base, word_offset);
    }
    fn store8_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.op_reg_reg("store8", reg_src, reg_base);
    }
    fn store16_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.op_reg_reg("store16", reg_src, reg_base);
    }
    fn store32_reg_reg(&mut self, reg_src: Reg, reg_base: Reg) {
        self.op_reg_reg("store32", reg_src, reg_base);
    }
}
