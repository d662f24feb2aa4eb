//! The native and viper code emitter (after py/emitnative.c, with the prelude/`fun_data` layout of
//! `emit_native_end_pass` and the child/const table access of py/emitglue.c and py/persistentcode.c).
//!
//! One [`NativeEmitter`] is generic over the target's assembler and, like the reference, is created
//! once per compile and reused for every native or viper scope: a few values (the prelude index,
//! the generator start offset, the prelude sizes) carry over from the previous pass.
//!
//! The emitter keeps a model of the Python value stack (`stack_info`): a value may still be in a
//! register or be an immediate, and is only written to its stack slot ("settled") when needed.
//! Every pass runs the same sequence so that label offsets measured by the compute passes hold in
//! the emit pass.
//!
//! The method set mirrors the bytecode emitter (emit.h's method table). Methods whose reference
//! version reads `*emit->label_slot` take the compiler's next free label as `label_slot`.

mod dyn_emit;
mod types;

pub(crate) use dyn_emit::{new_native_emitter, NativeEmit};

use mpy_format::opcode::{BinaryOp, UnaryOp};
use mpy_format::writer::encode_vuint;

use crate::asm::{AsmError, AsmPass, CompareOp, Label, Reg};
use crate::qstr::Qstr;
use crate::scope::{
    IdInfo, IdKind, Scope, ScopeId, ScopeKind, ID_FLAG_IS_PARAM, SCOPE_FLAG_ALL_SIG,
    SCOPE_FLAG_GENERATOR, SCOPE_FLAG_VARARGS, SCOPE_FLAG_VARKEYWORDS,
};
use crate::value::ConstValue;

use super::bytecode::{AccessKind, BinOp, Build, SetupBlock, BREAK_FROM_FOR};
use super::common::EmitCommon;
use super::Pass;

use types::{binary_op_method_name, Fun};
pub(crate) use types::{native_type_from_name, NativeTarget, VType};

/// `MP_SCOPE_FLAG_REFGLOBALS`.
pub(crate) const SCOPE_FLAG_REFGLOBALS: u16 = 0x10;
/// `MP_SCOPE_FLAG_HASCONSTS`.
pub(crate) const SCOPE_FLAG_HASCONSTS: u16 = 0x20;
/// `MP_SCOPE_FLAG_VIPERRET_POS`: the viper return type lives in scope-flag bits 6..8.
pub(crate) const SCOPE_FLAG_VIPERRET_POS: u32 = 6;
/// `ID_FLAG_VIPER_TYPE_POS`: a viper parameter's type lives in id-flag bits 4..6.
pub(crate) const ID_FLAG_VIPER_TYPE_POS: u32 = 4;

/// The names of the built-in viper casts, indexed by native type (`mp_native_type_from_qstr`).
pub(crate) const CAST_NAMES: [&str; 8] = [
    "object", "bool", "int", "uint", "ptr", "ptr8", "ptr16", "ptr32",
];

/// `MP_OBJ_ITER_BUF_NSLOTS`.
const ITER_BUF_NSLOTS: u32 = 4;
/// `MP_OBJ_SENTINEL` (object representation A, no debug sentinels).
const OBJ_SENTINEL: i64 = 4;
/// `MP_VM_RETURN_NORMAL`, `_YIELD`, `_EXCEPTION`.
const VM_RETURN_NORMAL: i64 = 0;
const VM_RETURN_YIELD: i64 = 1;
const VM_RETURN_EXCEPTION: i64 = 2;

// Word offsets of the runtime structures the code reaches into (identical on 32 and 64 bit).
/// `mp_code_state_native_t`: fun_bc, ip, sp, n_state+exc_sp_idx, old_globals, then state.
const SIZEOF_CODE_STATE: u32 = 5;
const OFFSETOF_CODE_STATE_STATE: u32 = 5;
const OFFSETOF_CODE_STATE_FUN_BC: u32 = 0;
const OFFSETOF_CODE_STATE_IP: u32 = 1;
const OFFSETOF_CODE_STATE_SP: u32 = 2;
const OFFSETOF_CODE_STATE_N_STATE: u32 = 3;
/// `mp_obj_fun_bc_t`: base, context, child_table, bytecode.
const OFFSETOF_OBJ_FUN_BC_CONTEXT: u32 = 1;
const OFFSETOF_OBJ_FUN_BC_CHILD_TABLE: u32 = 2;
/// `mp_module_context_t`: module (base, globals), then constants (qstr_table, obj_table).
const OFFSETOF_MODULE_CONTEXT_QSTR_TABLE: u32 = 2;
const OFFSETOF_MODULE_CONTEXT_OBJ_TABLE: u32 = 3;
const OFFSETOF_MODULE_CONTEXT_GLOBALS: u32 = 1;

/// `NLR_BUF_IDX_RET_VAL`.
const NLR_BUF_IDX_RET_VAL: u32 = 1;
/// At most this many locals live in registers (`MAX_REGS_FOR_LOCAL_VARS` with persistent-code save).
const MAX_REGS_FOR_LOCAL_VARS: usize = 2;

const UNWIND_LABEL_UNUSED: u32 = 0x7fff;
const UNWIND_LABEL_DO_FINAL_UNWIND: u32 = 0x7ffe;

/// A type error in viper code (`EMIT_NATIVE_VIPER_TYPE_ERROR`), raised as `ViperTypeError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ViperError {
    LocalUsedBeforeTypeKnown(Qstr),
    CantLoadFrom(VType),
    CantLoadWithIndex(VType),
    LocalTypeMismatch {
        local: Qstr,
        local_type: VType,
        source: VType,
    },
    CantStore(VType),
    CantStoreTo(VType),
    CantStoreWithIndex(VType),
    NotNotImplemented,
    CantUnaryOp(VType),
    DivModUint,
    ComparisonIntUint,
    BinaryOpNotImplemented(BinaryOp),
    CantBinaryOp(VType, VType),
    CantConvertToBool(VType),
    ReturnExpected {
        expected: VType,
        got: VType,
    },
    MustRaiseObject,
}

impl ViperError {
    /// The message as the reference prints it; `qstr_text` renders a qstr.
    pub(crate) fn message(&self, qstr_text: &dyn Fn(Qstr) -> String) -> String {
        match self {
            Self::LocalUsedBeforeTypeKnown(q) => {
                format!("local '{}' used before type known", qstr_text(*q))
            }
            Self::CantLoadFrom(t) => format!("can't load from '{}'", t.name()),
            Self::CantLoadWithIndex(t) => format!("can't load with '{}' index", t.name()),
            Self::LocalTypeMismatch {
                local,
                local_type,
                source,
            } => format!(
                "local '{}' has type '{}' but source is '{}'",
                qstr_text(*local),
                local_type.name(),
                source.name()
            ),
            Self::CantStore(t) => format!("can't store '{}'", t.name()),
            Self::CantStoreTo(t) => format!("can't store to '{}'", t.name()),
            Self::CantStoreWithIndex(t) => format!("can't store with '{}' index", t.name()),
            Self::NotNotImplemented => "'not' not implemented".to_owned(),
            Self::CantUnaryOp(t) => format!("can't do unary op of '{}'", t.name()),
            Self::DivModUint => "div/mod not implemented for uint".to_owned(),
            Self::ComparisonIntUint => "comparison of int and uint".to_owned(),
            Self::BinaryOpNotImplemented(op) => {
                format!("binary op {} not implemented", binary_op_method_name(*op))
            }
            Self::CantBinaryOp(a, b) => format!(
                "can't do binary op between '{}' and '{}'",
                a.name(),
                b.name()
            ),
            Self::CantConvertToBool(t) => {
                format!("can't implicitly convert '{}' to 'bool'", t.name())
            }
            Self::ReturnExpected { expected, got } => format!(
                "return expected '{}' but got '{}'",
                expected.name(),
                got.name()
            ),
            Self::MustRaiseObject => "must raise an object".to_owned(),
        }
    }
}

/// An exception the reference raises out of the compiler at once (`mp_raise_*` inside the
/// emitter or assembler), ending the compile without a source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NativeRaise {
    /// `NotImplementedError` with this message ("native yield", "casting", ...).
    NotImplemented(&'static str),
    /// An assembler error (its class and message come from [`AsmError`]).
    Asm(AsmError),
    /// A failed `assert` in the reference emitter (the reference aborts with exit code 134;
    /// e.g. a viper `int` stored into a dict). Reported as a `ViperTypeError` at the statement.
    Assert(ViperAssert),
}

/// A viper situation where the reference emitter dies on `assert` (py/emitnative.c): the
/// reference's function and asserted expression, and the viper type that broke it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ViperAssert {
    /// The reference function holding the `assert`.
    pub(crate) fun: &'static str,
    /// The asserted expression, as the reference writes it.
    pub(crate) expr: &'static str,
    /// The non-object type found where a Python object was required.
    pub(crate) vtype: Option<VType>,
    /// The source line of the innermost construct being compiled (0 until known).
    pub(crate) line: u32,
}

impl ViperAssert {
    /// A message saying what the code did and what to change.
    pub(crate) fn message(&self) -> String {
        let Some(t) = self.vtype else {
            return match self.expr {
                "n_positional == 1 && n_keyword == 0" => {
                    "a viper cast takes exactly one positional argument".to_owned()
                }
                "!star_flags" => "a viper cast can't take * or ** arguments".to_owned(),
                "local_num < num_locals" => {
                    "'__class__' can't be used in a class body compiled to \
                                             machine code; compile this class as bytecode"
                        .to_owned()
                }
                _ => format!(
                    "viper code the emitter can't handle ({}: {})",
                    self.fun, self.expr
                ),
            };
        };
        let t = t.name();
        let fix = "only Python objects are allowed there";
        match self.fun {
            "emit_native_store_global" => format!(
                "can't store viper '{t}' to a module or class name ({fix}); \
                 move the code into a function or compile it as native"
            ),
            "emit_native_import_name" => format!("viper '{t}' used as an import argument ({fix})"),
            "emit_native_import_from" | "emit_native_import_star" => {
                format!("can't import from a viper '{t}' ({fix})")
            }
            "emit_native_load_attr" | "emit_native_load_method" => {
                format!("can't load an attribute of viper '{t}' ({fix})")
            }
            "emit_native_store_attr" => format!("can't store an attribute of viper '{t}' ({fix})"),
            "emit_native_delete_attr" => {
                format!("can't delete an attribute of viper '{t}' ({fix})")
            }
            "emit_native_delete_subscr" => {
                format!("can't delete an item with viper '{t}' ({fix})")
            }
            "emit_native_store_map" => format!("can't put viper '{t}' into a dict ({fix})"),
            "emit_native_store_comp" => {
                format!("can't put viper '{t}' into a comprehension's result ({fix})")
            }
            "emit_native_build_slice" => format!("can't use viper '{t}' in a slice ({fix})"),
            "emit_native_unpack_sequence" | "emit_native_unpack_ex" => {
                format!("can't unpack viper '{t}' ({fix})")
            }
            "emit_native_call_function" => format!("can't call viper '{t}' ({fix})"),
            "emit_native_setup_with" => {
                format!("can't use viper '{t}' as a context manager ({fix})")
            }
            "emit_native_get_iter" => format!("can't iterate over viper '{t}' ({fix})"),
            "emit_native_return_value" => format!("can't return viper '{t}' here ({fix})"),
            _ => format!(
                "viper '{t}' where a Python object is required ({}: {})",
                self.fun, self.expr
            ),
        }
    }
}

impl NativeRaise {
    /// Whether this is a reference assert, reported as a `ViperTypeError` with a line.
    pub(crate) fn is_viper_assert(&self) -> bool {
        matches!(self, Self::Assert(_))
    }

    /// The exception class name.
    pub(crate) fn class_name(&self) -> &'static str {
        match self {
            Self::NotImplemented(_) => "NotImplementedError",
            Self::Asm(e) => e.class_name(),
            Self::Assert(_) => "ViperTypeError",
        }
    }

    /// The exception message.
    pub(crate) fn message(&self) -> String {
        match self {
            Self::NotImplemented(m) => (*m).to_owned(),
            Self::Asm(e) => e.to_string(),
            Self::Assert(a) => a.message(),
        }
    }
}

/// The kind of native code a finished scope produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NativeKind {
    /// `MP_CODE_NATIVE_PY`, with the offset of the prelude inside `fun_data` (modulo 65536, as saved).
    Python { prelude_offset: u32 },
    /// `MP_CODE_NATIVE_VIPER`.
    Viper,
    /// `MP_CODE_NATIVE_ASM` (inline assembler), with its argument count and return type.
    Asm { n_pos_args: u32, type_sig: u32 },
}

/// The output of a scope's EMIT pass (`mp_emit_glue_assign_native`).
#[derive(Clone, Debug)]
pub(crate) struct NativeCode {
    pub kind: NativeKind,
    pub fun_data: Vec<u8>,
    /// The children in `MAKE_FUNCTION`/`MAKE_CLOSURE` order.
    pub children: Vec<ScopeId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StackKind {
    /// In its slot of the Python stack.
    Value,
    /// In a register, not yet written to its slot.
    Reg(Reg),
    /// A known immediate, not yet materialised.
    Imm(i64),
}

#[derive(Clone, Copy, Debug)]
struct StackInfo {
    vtype: VType,
    kind: StackKind,
}

const STACK_INFO_INIT: StackInfo = StackInfo {
    vtype: VType::Unbound,
    kind: StackKind::Value,
};

#[derive(Clone, Copy, Debug)]
struct ExcEntry {
    label: u32,
    is_finally: bool,
    unwind_label: u32,
    is_active: bool,
}

/// Everything the emitter reads from the scope, copied at the start of each pass.
#[derive(Debug)]
struct ScopeInfo {
    simple_name: Qstr,
    num_pos_args: u16,
    num_kwonly_args: u16,
    exc_stack_size: u16,
    ids: Vec<IdInfo>,
}

/// `emit_t` of py/emitnative.c.
#[derive(Debug)]
pub(crate) struct NativeEmitter<A: NativeTarget> {
    asm: A,
    pass: Pass,
    do_viper_types: bool,
    exit_label: u32,
    local_vtype: Vec<VType>,
    stack_info: Vec<StackInfo>,
    saved_stack_vtype: VType,
    exc_stack: Vec<ExcEntry>,
    prelude_offset: usize,
    prelude_ptr_index: u32,
    start_offset: usize,
    n_state: u32,
    code_state_start: u32,
    stack_start: u32,
    stack_size: u32,
    n_info: usize,
    n_cell: usize,
    scope: ScopeInfo,
    /// `scope->scope_flags`, owned by the emitter during a pass (it adds GENERATOR and HASCONSTS).
    scope_flags: u16,
    /// `scope->stack_size`, the running maximum.
    scope_stack_size: u16,
    /// The qstrs of the built-in casts `bool`..`ptr32`, indexed by native type (for `load_global`).
    cast_names: [Option<Qstr>; 8],
    /// The last viper type error of the pass (the reference overwrites its error slot).
    viper_error: Option<ViperError>,
    /// An exception raised out of the emitter; emission after it is meaningless.
    raised: Option<NativeRaise>,
    /// The last line given to `set_source_line`.
    source_line: u32,
    /// The finished code of the last EMIT pass.
    output: Option<NativeCode>,
    /// The scope's qualified name for `ASM_ENTRY` (only the debug arch prints it).
    entry_name: String,
}

impl<A: NativeTarget> NativeEmitter<A> {
    const SIZEOF_NLR_BUF: u32 = 2 + A::NLR_BUF_NUM_REGS + 1;
    const REG_GENERATOR_STATE: Reg = A::REG_LOCAL_2;
    const REG_QSTR_TABLE: Reg = A::REG_LOCAL_3;
    const REG_LOCAL_TABLE: [Reg; MAX_REGS_FOR_LOCAL_VARS] = [A::REG_LOCAL_1, A::REG_LOCAL_2];
    const REG_LOCAL_LAST: Reg = A::REG_LOCAL_2;

    /// `emit_native_*_new`: `asm` was made with room for the compile's maximum number of labels.
    /// `cast_names[t]` is the qstr of the cast to native type `t` (`object`, `bool`, ... `ptr32`).
    pub(crate) fn new(asm: A, cast_names: [Option<Qstr>; 8]) -> Self {
        Self {
            asm,
            pass: Pass::Scope,
            do_viper_types: false,
            exit_label: 0,
            local_vtype: Vec::new(),
            stack_info: vec![STACK_INFO_INIT; 8],
            saved_stack_vtype: VType::PyObj,
            exc_stack: Vec::new(),
            prelude_offset: 0,
            prelude_ptr_index: 0,
            start_offset: 0,
            n_state: 0,
            code_state_start: 0,
            stack_start: 0,
            stack_size: 0,
            n_info: 0,
            n_cell: 0,
            scope: ScopeInfo {
                simple_name: Qstr(0),
                num_pos_args: 0,
                num_kwonly_args: 0,
                exc_stack_size: 0,
                ids: Vec::new(),
            },
            scope_flags: 0,
            scope_stack_size: 0,
            cast_names,
            viper_error: None,
            raised: None,
            source_line: 0,
            output: None,
            entry_name: String::new(),
        }
    }

    /// The qualified name (`outer.inner`) the next scope's `ASM_ENTRY` takes.
    pub(crate) fn set_entry_name(&mut self, name: String) {
        self.entry_name = name;
    }

    /// The last viper type error recorded, left in place.
    pub(crate) fn peek_viper_error(&self) -> Option<&ViperError> {
        self.viper_error.as_ref()
    }

    /// The exception raised out of the emitter or assembler, if any (it ends the compile).
    pub(crate) fn raised(&self) -> Option<&NativeRaise> {
        self.raised.as_ref()
    }

    /// The code of the last finished EMIT pass.
    pub(crate) fn take_output(&mut self) -> Option<NativeCode> {
        self.output.take()
    }

    #[cold]
    fn viper_type_error(&mut self, e: ViperError) {
        self.viper_error = Some(e);
    }

    #[cold]
    fn raise(&mut self, mut r: NativeRaise) {
        if let NativeRaise::Assert(a) = &mut r {
            a.line = self.source_line;
        }
        self.raised.get_or_insert(r);
        // The reference leaves the compile here: `-march=debug` prints nothing after this point.
        crate::asm::debug::stop_trace();
    }

    /// `__class__` named in a class body is a local whose slot is never assigned (it is 0).
    /// The reference's emitter then indexes its locals-type array, which only grows to the
    /// largest frame seen so far in the file: where that array was never allocated it
    /// dereferences null and crashes (we refuse), otherwise it reads a stale entry and writes
    /// code we reproduce byte for byte, as we do the bytecode emitter's `LOAD_FAST 0` there.
    fn check_local_in_frame(&mut self, local: u16) {
        if usize::from(local) >= self.local_vtype.len() {
            self.raise(NativeRaise::Assert(ViperAssert {
                fun: "emit_native_local",
                expr: "local_num < num_locals",
                vtype: None,
                line: 0,
            }));
        }
    }

    /// The reference's `assert(vtype == VTYPE_PYOBJ)` (fatal there; raised here).
    fn assert_pyobj(&mut self, vtype: VType, fun: &'static str, expr: &'static str) {
        if vtype != VType::PyObj {
            self.raise(NativeRaise::Assert(ViperAssert {
                fun,
                expr,
                vtype: Some(vtype),
                line: 0,
            }));
        }
    }

    // ---- scope predicates (the NEED_* macros) ----

    fn is_generator(&self) -> bool {
        self.scope_flags & SCOPE_FLAG_GENERATOR != 0
    }

    fn need_fun_obj(&self) -> bool {
        self.scope.exc_stack_size > 0
            || self.scope_flags & (SCOPE_FLAG_REFGLOBALS | SCOPE_FLAG_HASCONSTS) != 0
    }

    fn need_global_exc_handler(&self) -> bool {
        self.scope.exc_stack_size > 0
            || self.scope_flags & (SCOPE_FLAG_GENERATOR | SCOPE_FLAG_REFGLOBALS) != 0
    }

    fn need_exc_handler_unwind(&self) -> bool {
        self.scope.exc_stack_size > 0
    }

    fn can_use_regs_for_locals(&self) -> bool {
        self.scope.exc_stack_size == 0 && !self.is_generator()
    }

    fn local_idx_exc_val() -> u32 {
        NLR_BUF_IDX_RET_VAL
    }
    fn local_idx_exc_handler_pc() -> u32 {
        A::NLR_BUF_IDX_LOCAL_1
    }
    fn local_idx_exc_handler_unwind() -> u32 {
        Self::SIZEOF_NLR_BUF + 1
    }
    fn local_idx_throw_val() -> u32 {
        Self::SIZEOF_NLR_BUF + 2
    }
    fn local_idx_ret_val() -> u32 {
        Self::SIZEOF_NLR_BUF
    }
    fn local_idx_fun_obj(&self) -> u32 {
        self.code_state_start + OFFSETOF_CODE_STATE_FUN_BC
    }
    fn local_idx_old_globals(&self) -> u32 {
        self.code_state_start + OFFSETOF_CODE_STATE_IP
    }
    fn local_idx_gen_pc(&self) -> u32 {
        self.code_state_start + OFFSETOF_CODE_STATE_IP
    }
    fn local_idx_local_var(&self, local_num: u32) -> u32 {
        (self.stack_start + self.n_state)
            .wrapping_sub(1)
            .wrapping_sub(local_num)
    }

    fn label(l: u32) -> Label {
        Label(l)
    }

    // ---- state access (emit_native_mov_*) ----

    fn mov_reg_const(&mut self, reg_dest: Reg, fun: Fun) {
        self.asm
            .load_reg_reg_offset(reg_dest, A::REG_FUN_TABLE, fun.id());
    }

    fn mov_state_reg(&mut self, local_num: u32, reg_src: Reg) {
        if self.is_generator() {
            self.asm
                .store_reg_reg_offset(reg_src, Self::REG_GENERATOR_STATE, local_num);
        } else {
            self.asm.mov_local_reg(local_num, reg_src);
        }
    }

    fn mov_reg_state(&mut self, reg_dest: Reg, local_num: u32) {
        if self.is_generator() {
            self.asm
                .load_reg_reg_offset(reg_dest, Self::REG_GENERATOR_STATE, local_num);
        } else {
            self.asm.mov_reg_local(reg_dest, local_num);
        }
    }

    fn mov_reg_state_addr(&mut self, reg_dest: Reg, local_num: u32) {
        if self.is_generator() {
            self.asm
                .mov_reg_imm(reg_dest, i64::from(local_num) * A::WORD_SIZE as i64);
            self.asm.add_reg_reg(reg_dest, Self::REG_GENERATOR_STATE);
        } else {
            self.asm.mov_reg_local_addr(reg_dest, local_num);
        }
    }

    fn mov_reg_qstr(&mut self, common: &mut EmitCommon, arg_reg: Reg, qst: Qstr) {
        let index = common.use_qstr(qst);
        self.asm
            .load16_reg_reg_offset(arg_reg, Self::REG_QSTR_TABLE, index);
    }

    fn mov_reg_qstr_obj(&mut self, common: &mut EmitCommon, reg_dest: Reg, value: ConstValue) {
        self.load_reg_with_object(common, reg_dest, &value);
    }

    fn mov_state_imm_via(&mut self, local_num: u32, imm: i64, reg_temp: Reg) {
        self.asm.mov_reg_imm(reg_temp, imm);
        self.mov_state_reg(local_num, reg_temp);
    }

    // ---- passes ----

    /// `emit_native_start_pass`. `label_slot` is the compiler's next label (0 here: six labels
    /// from it are reserved for the entry and exit code).
    pub(crate) fn start_pass(
        &mut self,
        pass: Pass,
        scope: &Scope,
        common: &mut EmitCommon,
        label_slot: u32,
    ) {
        self.pass = pass;
        self.do_viper_types = scope.emit_options == crate::scope::EmitOption::Viper;
        self.stack_size = 0;
        self.scope = ScopeInfo {
            simple_name: scope.simple_name,
            num_pos_args: scope.num_pos_args,
            num_kwonly_args: scope.num_kwonly_args,
            exc_stack_size: scope.exc_stack_size,
            ids: scope.ids.clone(),
        };
        self.scope_flags = scope.scope_flags;
        self.scope_stack_size = scope.stack_size;
        self.exc_stack.clear();
        self.viper_error = None;

        let num_locals = usize::from(scope.num_locals);
        if self.local_vtype.len() < num_locals {
            self.local_vtype.resize(num_locals, VType::PyObj);
        }
        let mut num_args = usize::from(scope.num_pos_args) + usize::from(scope.num_kwonly_args);
        if scope.scope_flags & SCOPE_FLAG_VARARGS != 0 {
            num_args += 1;
        }
        if scope.scope_flags & SCOPE_FLAG_VARKEYWORDS != 0 {
            num_args += 1;
        }
        if self.local_vtype.len() < num_args {
            self.local_vtype.resize(num_args, VType::PyObj);
        }
        for t in &mut self.local_vtype[..num_args] {
            *t = VType::PyObj;
        }
        if self.do_viper_types {
            for id in &scope.ids {
                if id.flags & ID_FLAG_IS_PARAM != 0 {
                    if let Some(t) = self.local_vtype.get_mut(usize::from(id.local_num)) {
                        *t = VType::from_native(u32::from(id.flags) >> ID_FLAG_VIPER_TYPE_POS);
                    }
                }
            }
        }
        let unbound = if self.do_viper_types {
            VType::Unbound
        } else {
            VType::PyObj
        };
        for t in self.local_vtype.iter_mut().skip(num_args) {
            *t = unbound;
        }
        for si in &mut self.stack_info {
            *si = STACK_INFO_INIT;
        }

        self.asm.start_pass(if pass == Pass::Emit {
            AsmPass::Emit
        } else {
            AsmPass::Compute
        });

        self.code_state_start = 0;
        if self.need_global_exc_handler() {
            self.code_state_start = Self::SIZEOF_NLR_BUF + 1;
            if self.is_generator() {
                self.code_state_start += 2;
            } else if self.need_exc_handler_unwind() {
                self.code_state_start += 1;
            }
        }

        let fun_table_off = common.use_const(&ConstValue::FunTable);

        if self.do_viper_types {
            self.n_state = u32::from(scope.num_locals) + u32::from(scope.stack_size);
            let mut num_locals_in_regs = 0u32;
            if self.can_use_regs_for_locals() {
                num_locals_in_regs =
                    u32::from(scope.num_locals).min(MAX_REGS_FOR_LOCAL_VARS as u32);
                if usize::from(scope.num_pos_args) > MAX_REGS_FOR_LOCAL_VARS {
                    num_locals_in_regs -= 1;
                }
            }
            self.stack_start = if self.need_global_exc_handler() {
                self.code_state_start + 2
            } else if self.scope_flags & SCOPE_FLAG_HASCONSTS != 0 {
                self.code_state_start + 1
            } else {
                self.code_state_start
            };

            self.asm.entry_named(
                self.stack_start + self.n_state - num_locals_in_regs,
                &self.entry_name,
            );
            if A::ARGS_ON_STACK {
                self.asm.mov_reg_arg(A::REG_PARENT_ARG_1, 0);
            }

            self.load_function_tables(fun_table_off);

            if self.need_fun_obj() {
                let idx = self.local_idx_fun_obj();
                self.asm.mov_local_reg(idx, A::REG_PARENT_ARG_1);
            }

            if A::ARGS_ON_STACK {
                self.asm.mov_reg_arg(A::REG_ARG_1, 1);
                self.asm.mov_reg_arg(A::REG_ARG_2, 2);
                self.asm.mov_reg_arg(Self::REG_LOCAL_LAST, 3);
            } else {
                self.asm.mov_reg_reg(A::REG_ARG_1, A::REG_PARENT_ARG_2);
                self.asm.mov_reg_reg(A::REG_ARG_2, A::REG_PARENT_ARG_3);
                self.asm
                    .mov_reg_reg(Self::REG_LOCAL_LAST, A::REG_PARENT_ARG_4);
            }

            let num_pos_args = i64::from(scope.num_pos_args);
            self.asm
                .jump_if_reg_nonzero(A::REG_ARG_2, Self::label(label_slot + 4), true);
            self.asm.mov_reg_imm(A::REG_ARG_3, num_pos_args);
            self.asm
                .jump_if_reg_eq(A::REG_ARG_1, A::REG_ARG_3, Self::label(label_slot + 5));
            self.asm.label_assign(Self::label(label_slot + 4));
            self.asm
                .mov_reg_imm(A::REG_ARG_3, (num_pos_args << 17) | (num_pos_args << 1));
            self.asm.call_ind(Fun::ArgCheckNumSig.id());
            self.asm.label_assign(Self::label(label_slot + 5));

            let n_pos = usize::from(scope.num_pos_args);
            for i in 0..n_pos {
                let mut r = A::REG_ARG_1;
                #[allow(clippy::cast_possible_truncation)]
                self.asm
                    .load_reg_reg_offset(A::REG_ARG_1, Self::REG_LOCAL_LAST, i as u32);
                let vt = self.local_vtype.get(i).copied().unwrap_or(VType::PyObj);
                if vt != VType::PyObj {
                    self.call_with_imm_arg(Fun::ConvertObjToNative, vt.code(), A::REG_ARG_2);
                    r = A::REG_RET;
                }
                if i < MAX_REGS_FOR_LOCAL_VARS
                    && self.can_use_regs_for_locals()
                    && (i != MAX_REGS_FOR_LOCAL_VARS - 1 || n_pos == MAX_REGS_FOR_LOCAL_VARS)
                {
                    self.asm.mov_reg_reg(Self::REG_LOCAL_TABLE[i], r);
                } else {
                    #[allow(clippy::cast_possible_truncation)]
                    let idx = self.local_idx_local_var(i as u32);
                    self.mov_state_reg(idx, r);
                }
            }
            if n_pos > MAX_REGS_FOR_LOCAL_VARS && self.can_use_regs_for_locals() {
                #[allow(clippy::cast_possible_truncation)]
                let idx = self.local_idx_local_var(MAX_REGS_FOR_LOCAL_VARS as u32 - 1);
                self.asm.mov_reg_local(Self::REG_LOCAL_LAST, idx);
            }

            self.global_exc_entry(label_slot);
        } else {
            self.n_state = u32::from(scope.num_locals) + u32::from(scope.stack_size);

            self.asm
                .base_mut()
                .data(A::WORD_SIZE, u64::from(self.prelude_ptr_index));

            if self.is_generator() {
                self.asm
                    .base_mut()
                    .data(A::WORD_SIZE, self.start_offset as u64);
                self.asm
                    .entry_named(self.code_state_start, &self.entry_name);

                self.code_state_start = 0;
                self.stack_start = SIZEOF_CODE_STATE;

                if A::ARGS_ON_STACK {
                    self.asm.mov_reg_arg(Self::REG_GENERATOR_STATE, 0);
                    self.asm.mov_reg_arg(A::REG_PARENT_ARG_2, 1);
                } else {
                    self.asm
                        .mov_reg_reg(Self::REG_GENERATOR_STATE, A::REG_PARENT_ARG_1);
                }
                self.asm
                    .mov_local_reg(Self::local_idx_throw_val(), A::REG_PARENT_ARG_2);

                let fun_obj = self.local_idx_fun_obj();
                self.asm
                    .load_reg_reg_offset(A::REG_TEMP0, Self::REG_GENERATOR_STATE, fun_obj);
                self.asm.load_reg_reg_offset(
                    A::REG_TEMP0,
                    A::REG_TEMP0,
                    OFFSETOF_OBJ_FUN_BC_CONTEXT,
                );
                self.asm.load_reg_reg_offset(
                    Self::REG_QSTR_TABLE,
                    A::REG_TEMP0,
                    OFFSETOF_MODULE_CONTEXT_QSTR_TABLE,
                );
                self.asm.load_reg_reg_offset(
                    A::REG_TEMP0,
                    A::REG_TEMP0,
                    OFFSETOF_MODULE_CONTEXT_OBJ_TABLE,
                );
                self.asm
                    .load_reg_reg_offset(A::REG_FUN_TABLE, A::REG_TEMP0, fun_table_off);
            } else {
                self.stack_start = self.code_state_start + SIZEOF_CODE_STATE;
                self.asm
                    .entry_named(self.stack_start + self.n_state, &self.entry_name);
                if A::ARGS_ON_STACK {
                    self.asm.mov_reg_arg(A::REG_PARENT_ARG_1, 0);
                    self.asm.mov_reg_arg(A::REG_PARENT_ARG_2, 1);
                    self.asm.mov_reg_arg(A::REG_PARENT_ARG_3, 2);
                    self.asm.mov_reg_arg(A::REG_PARENT_ARG_4, 3);
                }

                self.load_function_tables(fun_table_off);

                let fun_obj = self.local_idx_fun_obj();
                self.asm.mov_local_reg(fun_obj, A::REG_PARENT_ARG_1);

                self.mov_state_imm_via(
                    self.code_state_start + OFFSETOF_CODE_STATE_N_STATE,
                    i64::from(self.n_state),
                    A::REG_ARG_1,
                );

                self.asm
                    .mov_reg_local_addr(A::REG_ARG_1, self.code_state_start);

                if A::REG_ARG_2 != A::REG_PARENT_ARG_2 {
                    self.asm.mov_reg_reg(A::REG_ARG_2, A::REG_PARENT_ARG_2);
                }
                if A::REG_ARG_3 != A::REG_PARENT_ARG_3 {
                    self.asm.mov_reg_reg(A::REG_ARG_3, A::REG_PARENT_ARG_3);
                }
                if A::REG_ARG_4 != A::REG_PARENT_ARG_4 {
                    self.asm.mov_reg_reg(A::REG_ARG_4, A::REG_PARENT_ARG_4);
                }

                self.asm.call_ind_keep_args(Fun::SetupCodeState.id());
            }

            self.global_exc_entry(label_slot);

            if self.can_use_regs_for_locals() {
                for i in 0..MAX_REGS_FOR_LOCAL_VARS.min(usize::from(scope.num_locals)) {
                    #[allow(clippy::cast_possible_truncation)]
                    let idx = self.local_idx_local_var(i as u32);
                    self.asm.mov_reg_local(Self::REG_LOCAL_TABLE[i], idx);
                }
            }

            for id in &scope.ids {
                if id.kind == IdKind::Cell {
                    if let Some(t) = self.local_vtype.get_mut(usize::from(id.local_num)) {
                        *t = VType::PyObj;
                    }
                }
            }
        }
    }

    fn write_code_info_qstr(&mut self, common: &mut EmitCommon, q: Qstr) {
        let mut buf = Vec::new();
        encode_vuint(u64::from(common.use_qstr(q)), &mut buf);
        self.asm.base_mut().write(&buf);
    }

    /// `emit_native_end_pass`. Writes the scope's flags and stack size back, and after the EMIT
    /// pass keeps the finished code (see [`NativeEmitter::take_output`]).
    pub(crate) fn end_pass(&mut self, scope: &mut Scope, common: &mut EmitCommon) {
        self.global_exc_exit();

        if !self.do_viper_types {
            self.prelude_offset = self.asm.base().code_pos();
            self.prelude_ptr_index = common.cur_child;

            // Native code has no exception stack (`n_exc_stack = 0`). n_state is never 0: every
            // scope pushes at least its return value.
            let signature = mpy_format::bytes::PreludeSignature {
                n_state: self.n_state,
                n_exc_stack: 0,
                scope_flags: u32::from(self.scope_flags & SCOPE_FLAG_ALL_SIG),
                n_pos_args: u32::from(self.scope.num_pos_args),
                n_kwonly_args: u32::from(self.scope.num_kwonly_args),
                n_def_pos_args: u32::from(scope.num_def_pos_args),
            };
            let mut sig = Vec::new();
            mpy_format::writer::encode_prelude_signature(&signature, &mut sig);
            self.asm.base_mut().write(&sig);
            let size = prelude_size(self.n_info, self.n_cell);
            self.asm.base_mut().write(&size);

            let info_start = self.asm.base().code_pos();
            self.write_code_info_qstr(common, self.scope.simple_name);
            let n_args =
                usize::from(self.scope.num_pos_args) + usize::from(self.scope.num_kwonly_args);
            for i in 0..n_args {
                let q = self
                    .scope
                    .ids
                    .iter()
                    .find(|id| id.flags & ID_FLAG_IS_PARAM != 0 && usize::from(id.local_num) == i)
                    .map_or(Qstr(star_qstr()), |id| id.qst);
                self.write_code_info_qstr(common, q);
            }
            self.n_info = self.asm.base().code_pos() - info_start;

            let cell_start = self.asm.base().code_pos();
            let cells: Vec<u16> = self
                .scope
                .ids
                .iter()
                .filter(|id| id.kind == IdKind::Cell)
                .map(|id| id.local_num)
                .collect();
            for local in cells {
                self.asm.base_mut().data(1, u64::from(local));
            }
            self.n_cell = self.asm.base().code_pos() - cell_start;
        }

        self.asm.end_pass();

        scope.scope_flags |= self.scope_flags;
        scope.stack_size = self.scope_stack_size;

        if let Some(e) = self.asm.base_mut().take_error() {
            self.raise(NativeRaise::Asm(e));
        }

        if self.pass == Pass::Emit {
            let fun_data = self.asm.base_mut().take_code();
            let kind = if self.do_viper_types {
                NativeKind::Viper
            } else {
                // `mp_raw_code_t.prelude_offset` is a `uint16_t`: the reference saves the
                // offset modulo 65536 (and such code cannot run; kept for identical output).
                NativeKind::Python {
                    prelude_offset: (self.prelude_offset & 0xffff) as u32,
                }
            };
            self.output = Some(NativeCode {
                kind,
                fun_data,
                children: common.children.clone(),
            });
        }
    }

    // ---- the value-stack model ----

    fn ensure_extra_stack(&mut self, delta: usize) {
        let need = self.stack_size as usize + delta;
        if need > self.stack_info.len() {
            self.stack_info.resize(need, STACK_INFO_INIT);
        }
    }

    /// The state slot of Python-stack entry `i`.
    fn slot(&self, i: usize) -> u32 {
        #[allow(clippy::cast_possible_truncation)]
        self.stack_start.wrapping_add(i as u32)
    }

    /// From the function object in `REG_PARENT_ARG_1`: the module's qstr table into
    /// `REG_QSTR_TABLE` and the function's table of objects into `REG_FUN_TABLE` (the
    /// prelude of every native function, generator or not).
    fn load_function_tables(&mut self, fun_table_off: u32) {
        self.asm.load_reg_reg_offset(
            A::REG_FUN_TABLE,
            A::REG_PARENT_ARG_1,
            OFFSETOF_OBJ_FUN_BC_CONTEXT,
        );
        self.asm.load_reg_reg_offset(
            Self::REG_QSTR_TABLE,
            A::REG_FUN_TABLE,
            OFFSETOF_MODULE_CONTEXT_QSTR_TABLE,
        );
        self.asm.load_reg_reg_offset(
            A::REG_FUN_TABLE,
            A::REG_FUN_TABLE,
            OFFSETOF_MODULE_CONTEXT_OBJ_TABLE,
        );
        self.asm
            .load_reg_reg_offset(A::REG_FUN_TABLE, A::REG_FUN_TABLE, fun_table_off);
    }

    fn adjust_stack(&mut self, delta: i64) {
        let new = i64::from(self.stack_size) + delta;
        if new < 0 {
            // Reached only after a viper type error left the stack model short.
            self.raise(NativeRaise::Assert(ViperAssert {
                fun: "adjust_stack",
                expr: "(mp_int_t)emit->stack_size + stack_size_delta >= 0",
                vtype: None,
                line: 0,
            }));
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        {
            self.stack_size = new.max(0) as u32;
        }
        self.ensure_extra_stack(0);
        if self.pass > Pass::Scope && self.stack_size > u32::from(self.scope_stack_size) {
            self.scope_stack_size = u16::try_from(self.stack_size).unwrap_or(u16::MAX);
        }
    }

    /// `emit_native_adjust_stack_size`.
    pub(crate) fn adjust_stack_size(&mut self, delta: i32) {
        if delta > 0 {
            self.ensure_extra_stack(delta as usize);
        }
        for i in 0..delta.max(0) as usize {
            let vtype = if delta == 1 {
                self.saved_stack_vtype
            } else {
                VType::PyObj
            };
            self.stack_info[self.stack_size as usize + i] = StackInfo {
                vtype,
                kind: StackKind::Value,
            };
        }
        self.adjust_stack(i64::from(delta));
    }

    /// `emit_native_set_source_line`: native code has no line table; the line is kept only
    /// to place a [`ViperAssert`].
    pub(crate) fn set_source_line(&mut self, line: u32) {
        self.source_line = line;
    }

    fn si_index(&self, depth: u32) -> usize {
        (self.stack_size as usize).wrapping_sub(1 + depth as usize)
    }

    fn peek_stack(&self, depth: u32) -> StackInfo {
        self.stack_info
            .get(self.si_index(depth))
            .copied()
            .unwrap_or(STACK_INFO_INIT)
    }
    fn peek_vtype(&self, depth: u32) -> VType {
        if self.do_viper_types {
            self.peek_stack(depth).vtype
        } else {
            VType::PyObj
        }
    }

    fn need_reg_single(&mut self, reg_needed: Reg, skip_stack_pos: u32) {
        let skip = (self.stack_size as usize).wrapping_sub(skip_stack_pos as usize);
        for i in 0..self.stack_size as usize {
            if i != skip {
                if let StackKind::Reg(r) = self.stack_info[i].kind {
                    if r == reg_needed {
                        self.stack_info[i].kind = StackKind::Value;
                        #[allow(clippy::cast_possible_truncation)]
                        self.mov_state_reg(self.slot(i), r);
                    }
                }
            }
        }
    }

    fn need_reg_all(&mut self) {
        for i in 0..self.stack_size as usize {
            if let StackKind::Reg(r) = self.stack_info[i].kind {
                self.stack_info[i].kind = StackKind::Value;
                #[allow(clippy::cast_possible_truncation)]
                self.mov_state_reg(self.slot(i), r);
            }
        }
    }

    fn load_reg_stack_imm(
        &mut self,
        reg_dest: Reg,
        si: StackInfo,
        convert_to_pyobj: bool,
    ) -> VType {
        let StackKind::Imm(imm) = si.kind else {
            return si.vtype;
        };
        if !convert_to_pyobj && self.do_viper_types {
            self.asm.mov_reg_imm(reg_dest, imm);
            return si.vtype;
        }
        match si.vtype {
            VType::PyObj => self.asm.mov_reg_imm(reg_dest, imm),
            VType::Bool => {
                let fun = if imm == 0 {
                    Fun::ConstFalseObj
                } else {
                    Fun::ConstTrueObj
                };
                self.mov_reg_const(reg_dest, fun);
            }
            VType::Int | VType::Uint => {
                self.asm.mov_reg_imm(reg_dest, imm.wrapping_shl(1) | 1);
            }
            VType::PtrNone => self.mov_reg_const(reg_dest, Fun::ConstNoneObj),
            _ => self.raise(NativeRaise::NotImplemented("conversion to object")),
        }
        VType::PyObj
    }

    fn need_stack_settled(&mut self) {
        self.need_reg_all();
        for i in 0..self.stack_size as usize {
            let si = self.stack_info[i];
            if let StackKind::Imm(_) = si.kind {
                self.stack_info[i].kind = StackKind::Value;
                let vtype = self.load_reg_stack_imm(A::REG_TEMP1, si, false);
                self.stack_info[i].vtype = vtype;
                #[allow(clippy::cast_possible_truncation)]
                self.mov_state_reg(self.slot(i), A::REG_TEMP1);
            }
        }
    }

    /// `emit_access_stack`: pos 1 is the top.
    fn access_stack(&mut self, pos: u32, reg_dest: Reg) -> VType {
        self.need_reg_single(reg_dest, pos);
        let idx = (self.stack_size as usize).wrapping_sub(pos as usize);
        let si = self.stack_info.get(idx).copied().unwrap_or(STACK_INFO_INIT);
        match si.kind {
            StackKind::Value => {
                #[allow(clippy::cast_possible_truncation)]
                self.mov_reg_state(reg_dest, self.slot(idx));
                si.vtype
            }
            StackKind::Reg(r) => {
                if r != reg_dest {
                    self.asm.mov_reg_reg(reg_dest, r);
                }
                si.vtype
            }
            StackKind::Imm(_) => self.load_reg_stack_imm(reg_dest, si, false),
        }
    }

    fn fold_stack_top(&mut self, reg_dest: Reg) {
        let n = self.stack_size as usize;
        if n < 2 {
            return;
        }
        self.stack_info[n - 2] = self.stack_info[n - 1];
        if self.stack_info[n - 2].kind == StackKind::Value {
            #[allow(clippy::cast_possible_truncation)]
            self.mov_reg_state(reg_dest, self.slot(n - 1));
            self.stack_info[n - 2].kind = StackKind::Reg(reg_dest);
        }
        self.adjust_stack(-1);
    }

    /// `emit_pre_pop_reg_flexible`: the value's own register if it is not `not_r1`/`not_r2`.
    fn pre_pop_reg_flexible(
        &mut self,
        reg_dest: Reg,
        not_r1: Option<Reg>,
        not_r2: Option<Reg>,
    ) -> (VType, Reg) {
        let si = self.peek_stack(0);
        let result = match si.kind {
            StackKind::Reg(r) if Some(r) != not_r1 && Some(r) != not_r2 => {
                self.need_reg_single(r, 1);
                (si.vtype, r)
            }
            _ => (self.access_stack(1, reg_dest), reg_dest),
        };
        self.adjust_stack(-1);
        result
    }

    fn pre_pop_discard(&mut self) {
        self.adjust_stack(-1);
    }

    fn pre_pop_reg(&mut self, reg_dest: Reg) -> VType {
        let vtype = self.access_stack(1, reg_dest);
        self.adjust_stack(-1);
        vtype
    }

    fn post_top_set_vtype(&mut self, vtype: VType) {
        let i = self.si_index(0);
        if let Some(si) = self.stack_info.get_mut(i) {
            si.vtype = vtype;
        }
    }

    fn post_push_reg(&mut self, vtype: VType, reg: Reg) {
        self.ensure_extra_stack(1);
        self.stack_info[self.stack_size as usize] = StackInfo {
            vtype,
            kind: StackKind::Reg(reg),
        };
        self.adjust_stack(1);
    }

    fn post_push_imm(&mut self, vtype: VType, imm: i64) {
        self.ensure_extra_stack(1);
        self.stack_info[self.stack_size as usize] = StackInfo {
            vtype,
            kind: StackKind::Imm(imm),
        };
        self.adjust_stack(1);
    }

    fn call(&mut self, fun: Fun) {
        self.need_reg_all();
        self.asm.call_ind(fun.id());
    }

    fn call_with_imm_arg(&mut self, fun: Fun, arg_val: i64, arg_reg: Reg) {
        self.need_reg_all();
        self.asm.mov_reg_imm(arg_reg, arg_val);
        self.asm.call_ind(fun.id());
    }

    fn call_with_2_imm_args(&mut self, fun: Fun, val1: i64, reg1: Reg, val2: i64, reg2: Reg) {
        self.need_reg_all();
        self.asm.mov_reg_imm(reg1, val1);
        self.asm.mov_reg_imm(reg2, val2);
        self.asm.call_ind(fun.id());
    }

    fn call_with_qstr_arg(&mut self, common: &mut EmitCommon, fun: Fun, qst: Qstr, arg_reg: Reg) {
        self.need_reg_all();
        self.mov_reg_qstr(common, arg_reg, qst);
        self.asm.call_ind(fun.id());
    }

    /// `emit_get_stack_pointer_to_reg_for_pop`: settle and box the top `n_pop` values, pop them and
    /// point `reg_dest` at them.
    fn get_stack_pointer_to_reg_for_pop(&mut self, reg_dest: Reg, n_pop: u32) {
        self.need_reg_all();
        for i in 0..n_pop {
            let idx = self.si_index(i);
            let Some(si) = self.stack_info.get(idx).copied() else {
                continue;
            };
            if let StackKind::Imm(_) = si.kind {
                self.stack_info[idx].kind = StackKind::Value;
                let vtype = self.load_reg_stack_imm(reg_dest, si, true);
                self.stack_info[idx].vtype = vtype;
                #[allow(clippy::cast_possible_truncation)]
                self.mov_state_reg(self.slot(idx), reg_dest);
            }
        }
        for i in 0..n_pop {
            let idx = self.si_index(i);
            let Some(si) = self.stack_info.get(idx).copied() else {
                continue;
            };
            if si.vtype != VType::PyObj {
                #[allow(clippy::cast_possible_truncation)]
                let local_num = self.slot(idx);
                self.mov_reg_state(A::REG_ARG_1, local_num);
                self.call_with_imm_arg(Fun::ConvertNativeToObj, si.vtype.code(), A::REG_ARG_2);
                self.mov_state_reg(local_num, A::REG_RET);
                self.stack_info[idx].vtype = VType::PyObj;
            }
        }
        self.adjust_stack(-i64::from(n_pop));
        self.mov_reg_state_addr(reg_dest, self.slot(self.stack_size as usize));
    }

    fn get_stack_pointer_to_reg_for_push(&mut self, reg_dest: Reg, n_push: u32) {
        self.need_reg_all();
        self.ensure_extra_stack(n_push as usize);
        for i in 0..n_push as usize {
            self.stack_info[self.stack_size as usize + i] = StackInfo {
                vtype: VType::PyObj,
                kind: StackKind::Value,
            };
        }
        self.mov_reg_state_addr(reg_dest, self.slot(self.stack_size as usize));
        self.adjust_stack(i64::from(n_push));
    }

    // ---- exception-handler stack ----

    fn push_exc_stack(&mut self, label: u32, is_finally: bool) {
        self.exc_stack.push(ExcEntry {
            label,
            is_finally,
            unwind_label: UNWIND_LABEL_UNUSED,
            is_active: true,
        });
        self.asm.mov_reg_pcrel(A::REG_RET, Self::label(label));
        self.asm
            .mov_local_reg(Self::local_idx_exc_handler_pc(), A::REG_RET);
    }

    fn leave_exc_stack(&mut self, start_of_handler: bool) {
        let Some(top) = self.exc_stack.len().checked_sub(1) else {
            return;
        };
        self.exc_stack[top].is_active = false;
        let next = self.exc_stack[..top]
            .iter()
            .rev()
            .find(|e| e.is_active)
            .copied();
        match next {
            None => {
                if start_of_handler {
                    return;
                }
                self.asm.clr_reg(A::REG_RET);
            }
            Some(e) => self.asm.mov_reg_pcrel(A::REG_RET, Self::label(e.label)),
        }
        self.asm
            .mov_local_reg(Self::local_idx_exc_handler_pc(), A::REG_RET);
    }

    fn pop_exc_stack(&mut self) -> Option<ExcEntry> {
        self.exc_stack.pop()
    }

    fn load_reg_with_object(&mut self, common: &mut EmitCommon, reg: Reg, value: &ConstValue) {
        self.scope_flags |= SCOPE_FLAG_HASCONSTS;
        let table_off = common.use_const(value);
        let fun_obj = self.local_idx_fun_obj();
        self.mov_reg_state(A::REG_TEMP0, fun_obj);
        self.asm
            .load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        self.asm.load_reg_reg_offset(
            A::REG_TEMP0,
            A::REG_TEMP0,
            OFFSETOF_MODULE_CONTEXT_OBJ_TABLE,
        );
        self.asm.load_reg_reg_offset(reg, A::REG_TEMP0, table_off);
    }

    fn load_reg_with_child(&mut self, common: &mut EmitCommon, reg: Reg, child: ScopeId) {
        let table_off = common.alloc_child(child);
        let fun_obj = self.local_idx_fun_obj();
        self.mov_reg_state(A::REG_TEMP0, fun_obj);
        self.asm
            .load_reg_reg_offset(A::REG_TEMP0, A::REG_TEMP0, OFFSETOF_OBJ_FUN_BC_CHILD_TABLE);
        self.asm.load_reg_reg_offset(reg, A::REG_TEMP0, table_off);
    }

    /// `emit_native_label_assign`.
    pub(crate) fn label_assign(&mut self, l: u32) {
        let is_finally = self
            .exc_stack
            .last()
            .is_some_and(|e| e.is_finally && e.label == l);
        if is_finally {
            self.access_stack(1, A::REG_TEMP0);
            self.asm
                .mov_local_reg(Self::local_idx_exc_val(), A::REG_TEMP0);
        }
        self.need_stack_settled();
        self.asm.label_assign(Self::label(l));
        if is_finally {
            self.leave_exc_stack(false);
        }
    }

    fn global_exc_entry(&mut self, label_slot: u32) {
        self.exit_label = label_slot;
        if !self.need_global_exc_handler() {
            return;
        }
        let nlr_label = label_slot + 1;
        let start_label = label_slot + 2;
        let global_except_label = label_slot + 3;
        let generator = self.is_generator();

        if !generator {
            let fun_obj = self.local_idx_fun_obj();
            self.mov_reg_state(A::REG_ARG_1, fun_obj);
            self.asm
                .load_reg_reg_offset(A::REG_ARG_1, A::REG_ARG_1, OFFSETOF_OBJ_FUN_BC_CONTEXT);
            self.asm.load_reg_reg_offset(
                A::REG_ARG_1,
                A::REG_ARG_1,
                OFFSETOF_MODULE_CONTEXT_GLOBALS,
            );
            self.call(Fun::NativeSwapGlobals);
            let old = self.local_idx_old_globals();
            self.mov_state_reg(old, A::REG_RET);
        }

        if self.scope.exc_stack_size == 0 {
            if !generator {
                self.asm
                    .jump_if_reg_zero(A::REG_RET, Self::label(start_label), false);
            }
            self.asm.mov_reg_local_addr(A::REG_ARG_1, 0);
            self.call(Fun::NlrPush);
            if A::NLR_SETJMP {
                self.asm.mov_reg_local_addr(A::REG_ARG_1, 2);
                self.call(Fun::Setjmp);
            }
            self.asm
                .jump_if_reg_zero(A::REG_RET, Self::label(start_label), true);
        } else {
            let reg_zero = A::REG_ZERO.unwrap_or(A::REG_TEMP0);
            self.asm
                .mov_local_mp_obj_null(Self::local_idx_exc_handler_unwind(), reg_zero);
            self.asm.mov_local_reg(Self::local_idx_exc_val(), reg_zero);
            self.asm
                .mov_reg_pcrel(A::REG_LOCAL_1, Self::label(start_label));

            self.label_assign(nlr_label);
            self.asm.mov_reg_local_addr(A::REG_ARG_1, 0);
            self.call(Fun::NlrPush);
            if A::NLR_SETJMP {
                self.asm.mov_reg_local_addr(A::REG_ARG_1, 2);
                self.call(Fun::Setjmp);
            }
            self.asm
                .jump_if_reg_nonzero(A::REG_RET, Self::label(global_except_label), true);

            self.asm
                .mov_local_mp_obj_null(Self::local_idx_exc_handler_pc(), reg_zero);
            self.asm.jump_reg(A::REG_LOCAL_1);

            self.label_assign(global_except_label);
            self.asm
                .mov_reg_local(A::REG_LOCAL_1, Self::local_idx_exc_handler_pc());
            self.asm
                .jump_if_reg_nonzero(A::REG_LOCAL_1, Self::label(nlr_label), false);
        }

        if generator {
            self.asm
                .mov_reg_local(A::REG_TEMP0, Self::local_idx_exc_val());
            self.asm.store_reg_reg_offset(
                A::REG_TEMP0,
                Self::REG_GENERATOR_STATE,
                OFFSETOF_CODE_STATE_STATE,
            );
            self.asm.mov_reg_imm(A::REG_PARENT_RET, VM_RETURN_EXCEPTION);
            self.asm.exit();
        } else {
            let old = self.local_idx_old_globals();
            self.mov_reg_state(A::REG_ARG_1, old);
            self.call(Fun::NativeSwapGlobals);
            self.asm
                .mov_reg_local(A::REG_ARG_1, Self::local_idx_exc_val());
            self.call(Fun::NativeRaise);
        }

        self.label_assign(start_label);

        if generator {
            let gen_pc = self.local_idx_gen_pc();
            self.mov_reg_state(A::REG_TEMP0, gen_pc);
            self.asm.jump_reg(A::REG_TEMP0);
            self.start_offset = self.asm.base().code_pos();

            self.asm
                .mov_reg_local(A::REG_ARG_1, Self::local_idx_throw_val());
            self.asm
                .mov_local_mp_obj_null(Self::local_idx_throw_val(), A::REG_ARG_2);
            self.call(Fun::NativeRaise);
        }
    }

    fn global_exc_exit(&mut self) {
        self.label_assign(self.exit_label);

        if self.need_global_exc_handler() {
            let generator = self.is_generator();
            if !generator {
                let old = self.local_idx_old_globals();
                self.mov_reg_state(A::REG_ARG_1, old);
                if self.scope.exc_stack_size == 0 {
                    self.asm.jump_if_reg_zero(
                        A::REG_ARG_1,
                        Self::label(self.exit_label + 1),
                        false,
                    );
                }
                self.call(Fun::NativeSwapGlobals);
            }
            self.call(Fun::NlrPop);
            if !generator && self.scope.exc_stack_size == 0 {
                self.label_assign(self.exit_label + 1);
            }
            self.asm
                .mov_reg_local(A::REG_PARENT_RET, Self::local_idx_ret_val());
        }

        self.asm.exit();
    }

    // ---- the emit method table ----

    /// `emit_native_import_name`.
    pub(crate) fn import_name(&mut self, common: &mut EmitCommon, qst: Qstr) {
        let orig = self.do_viper_types;
        self.do_viper_types = false;
        let vtype_fromlist = self.pre_pop_reg(A::REG_ARG_2);
        let vtype_level = self.pre_pop_reg(A::REG_ARG_3);
        self.assert_pyobj(
            vtype_fromlist,
            "emit_native_import_name",
            "vtype_fromlist == VTYPE_PYOBJ",
        );
        self.assert_pyobj(
            vtype_level,
            "emit_native_import_name",
            "vtype_level == VTYPE_PYOBJ",
        );
        self.do_viper_types = orig;
        self.call_with_qstr_arg(common, Fun::ImportName, qst, A::REG_ARG_1);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_import_from`.
    pub(crate) fn import_from(&mut self, common: &mut EmitCommon, qst: Qstr) {
        let vtype_module = self.access_stack(1, A::REG_ARG_1);
        self.assert_pyobj(
            vtype_module,
            "emit_native_import_from",
            "vtype_module == VTYPE_PYOBJ",
        );
        self.call_with_qstr_arg(common, Fun::ImportFrom, qst, A::REG_ARG_2);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_import_star`.
    pub(crate) fn import_star(&mut self) {
        let vtype_module = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_module,
            "emit_native_import_star",
            "vtype_module == VTYPE_PYOBJ",
        );
        self.call(Fun::ImportAll);
    }

    /// `load_const_tok` for `None`.
    pub(crate) fn load_const_none(&mut self) {
        self.post_push_imm(VType::PtrNone, 0);
    }

    /// `load_const_tok` for `True`/`False`.
    pub(crate) fn load_const_bool(&mut self, value: bool) {
        self.post_push_imm(VType::Bool, i64::from(value));
    }

    /// `emit_native_load_const_small_int`.
    pub(crate) fn load_const_small_int(&mut self, v: i64) {
        self.post_push_imm(VType::Int, v);
    }

    /// `emit_native_load_const_str`: the qstr as a str object from the constant table.
    pub(crate) fn load_const_str(&mut self, common: &mut EmitCommon, qst_bytes: &[u8]) {
        self.need_reg_single(A::REG_TEMP0, 0);
        self.mov_reg_qstr_obj(common, A::REG_TEMP0, ConstValue::Str(qst_bytes.to_vec()));
        self.post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_load_const_obj`.
    pub(crate) fn load_const_obj(&mut self, common: &mut EmitCommon, value: &ConstValue) {
        self.need_reg_single(A::REG_TEMP0, 0);
        self.load_reg_with_object(common, A::REG_TEMP0, value);
        self.post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_load_null`.
    pub(crate) fn load_null(&mut self) {
        self.post_push_imm(VType::PyObj, 0);
    }

    /// `emit_native_load_fast`.
    pub(crate) fn load_fast(&mut self, qst: Qstr, local: u16) {
        self.check_local_in_frame(local);
        let local_num = usize::from(local);
        let vtype = self
            .local_vtype
            .get(local_num)
            .copied()
            .unwrap_or(VType::PyObj);
        if vtype == VType::Unbound {
            self.viper_type_error(ViperError::LocalUsedBeforeTypeKnown(qst));
        }
        if local_num < MAX_REGS_FOR_LOCAL_VARS && self.can_use_regs_for_locals() {
            self.post_push_reg(vtype, Self::REG_LOCAL_TABLE[local_num]);
        } else {
            self.need_reg_single(A::REG_TEMP0, 0);
            let idx = self.local_idx_local_var(u32::from(local));
            self.mov_reg_state(A::REG_TEMP0, idx);
            self.post_push_reg(vtype, A::REG_TEMP0);
        }
    }

    /// `emit_native_load_deref`.
    pub(crate) fn load_deref(&mut self, qst: Qstr, local: u16) {
        self.need_reg_single(A::REG_RET, 0);
        self.load_fast(qst, local);
        let (_, reg_base) = self.pre_pop_reg_flexible(A::REG_RET, None, None);
        self.asm.load_reg_reg_offset(A::REG_RET, reg_base, 1);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_load_global` (`global == false` is LOAD_NAME).
    pub(crate) fn load_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        if global && self.do_viper_types {
            if let Some(t) = self.cast_names.iter().position(|c| *c == Some(qst)) {
                if t >= 1 {
                    self.post_push_imm(VType::BuiltinCast, t as i64);
                    return;
                }
            }
        }
        let fun = if global {
            Fun::LoadGlobal
        } else {
            Fun::LoadName
        };
        self.call_with_qstr_arg(common, fun, qst, A::REG_ARG_1);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    fn load_attr(&mut self, common: &mut EmitCommon, qst: Qstr) {
        let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_base,
            "emit_native_load_attr",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.call_with_qstr_arg(common, Fun::LoadAttr, qst, A::REG_ARG_2);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_load_method`.
    pub(crate) fn load_method(&mut self, common: &mut EmitCommon, qst: Qstr, is_super: bool) {
        if is_super {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_2, 3);
            self.get_stack_pointer_to_reg_for_push(A::REG_ARG_2, 2);
            self.call_with_qstr_arg(common, Fun::LoadSuperMethod, qst, A::REG_ARG_1);
        } else {
            let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
            self.assert_pyobj(
                vtype_base,
                "emit_native_load_method",
                "vtype_base == VTYPE_PYOBJ",
            );
            self.get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
            self.call_with_qstr_arg(common, Fun::LoadMethod, qst, A::REG_ARG_2);
        }
    }

    /// `emit_native_load_build_class`.
    pub(crate) fn load_build_class(&mut self) {
        self.call(Fun::LoadBuildClass);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    fn load_subscr(&mut self) {
        let vtype_base = self.peek_vtype(1);
        if vtype_base == VType::PyObj {
            let vtype_index = self.peek_vtype(0);
            if vtype_index == VType::PyObj {
                self.pre_pop_reg(A::REG_ARG_2);
            } else {
                let vtype_index = self.pre_pop_reg(A::REG_ARG_1);
                self.call_with_imm_arg(Fun::ConvertNativeToObj, vtype_index.code(), A::REG_ARG_2);
                self.asm.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
            }
            self.pre_pop_reg(A::REG_ARG_1);
            self.call_with_imm_arg(Fun::ObjSubscr, OBJ_SENTINEL, A::REG_ARG_3);
            self.post_push_reg(VType::PyObj, A::REG_RET);
            return;
        }
        let top = self.peek_stack(0);
        if let (VType::Int, StackKind::Imm(index_value)) = (top.vtype, top.kind) {
            self.pre_pop_discard();
            let reg_index = A::REG_ARG_2;
            let (vtype_base, reg_base) =
                self.pre_pop_reg_flexible(A::REG_ARG_1, Some(reg_index), Some(reg_index));
            self.need_reg_single(A::REG_RET, 0);
            let size_log2 = match vtype_base {
                VType::Ptr8 => Some(0),
                VType::Ptr16 => Some(1),
                VType::Ptr32 => Some(2),
                _ => {
                    self.viper_type_error(ViperError::CantLoadFrom(vtype_base));
                    None
                }
            };
            if let Some(size_log2) = size_log2.filter(|&s| A::LOAD_OFFSET_FORMS[s]) {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let offset = index_value as u32;
                match size_log2 {
                    0 => self.asm.load8_reg_reg_offset(A::REG_RET, reg_base, offset),
                    1 => self.asm.load16_reg_reg_offset(A::REG_RET, reg_base, offset),
                    _ => self.asm.load32_reg_reg_offset(A::REG_RET, reg_base, offset),
                }
            } else if let Some(size_log2) = size_log2 {
                // No offset form: add the scaled index to the base, then load.
                let mut reg_base = reg_base;
                if index_value != 0 {
                    self.need_reg_single(reg_index, 0);
                    self.asm
                        .mov_reg_imm(reg_index, index_value.wrapping_shl(size_log2 as u32));
                    self.asm.add_reg_reg(reg_index, reg_base);
                    reg_base = reg_index;
                }
                match size_log2 {
                    0 => self.asm.load8_reg_reg(A::REG_RET, reg_base),
                    1 => self.asm.load16_reg_reg(A::REG_RET, reg_base),
                    _ => self.asm.load32_reg_reg(A::REG_RET, reg_base),
                }
            }
        } else {
            let (vtype_index, reg_index) =
                self.pre_pop_reg_flexible(A::REG_ARG_2, Some(A::REG_ARG_1), Some(A::REG_ARG_1));
            let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
            self.need_reg_single(A::REG_RET, 0);
            if vtype_index != VType::Int && vtype_index != VType::Uint {
                self.viper_type_error(ViperError::CantLoadWithIndex(vtype_index));
            }
            match vtype_base {
                VType::Ptr8 => self
                    .asm
                    .load8_reg_reg_reg(A::REG_RET, A::REG_ARG_1, reg_index),
                VType::Ptr16 => self
                    .asm
                    .load16_reg_reg_reg(A::REG_RET, A::REG_ARG_1, reg_index),
                VType::Ptr32 => self
                    .asm
                    .load32_reg_reg_reg(A::REG_RET, A::REG_ARG_1, reg_index),
                _ => self.viper_type_error(ViperError::CantLoadFrom(vtype_base)),
            }
        }
        self.post_push_reg(VType::Int, A::REG_RET);
    }

    /// `emit_native_store_fast`.
    pub(crate) fn store_fast(&mut self, qst: Qstr, local: u16) {
        self.check_local_in_frame(local);
        let local_num = usize::from(local);
        let vtype = if local_num < MAX_REGS_FOR_LOCAL_VARS && self.can_use_regs_for_locals() {
            self.pre_pop_reg(Self::REG_LOCAL_TABLE[local_num])
        } else {
            let vtype = self.pre_pop_reg(A::REG_TEMP0);
            let idx = self.local_idx_local_var(u32::from(local));
            self.mov_state_reg(idx, A::REG_TEMP0);
            vtype
        };
        if self.local_vtype.len() <= local_num {
            self.local_vtype.resize(local_num + 1, VType::PyObj);
        }
        let current = self.local_vtype[local_num];
        if current == VType::Unbound {
            self.local_vtype[local_num] = vtype;
        } else if current != vtype {
            self.viper_type_error(ViperError::LocalTypeMismatch {
                local: qst,
                local_type: current,
                source: vtype,
            });
        }
    }

    /// `emit_native_store_deref`.
    pub(crate) fn store_deref(&mut self, qst: Qstr, local: u16) {
        self.need_reg_single(A::REG_TEMP0, 0);
        self.need_reg_single(A::REG_TEMP1, 0);
        self.load_fast(qst, local);
        let (_, reg_base) = self.pre_pop_reg_flexible(A::REG_TEMP0, None, None);
        let (_, reg_src) = self.pre_pop_reg_flexible(A::REG_TEMP1, Some(reg_base), Some(reg_base));
        self.asm.store_reg_reg_offset(reg_src, reg_base, 1);
    }

    /// `emit_native_store_global` (`global == false` is STORE_NAME).
    pub(crate) fn store_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        if global {
            let vtype = self.peek_vtype(0);
            if vtype == VType::PyObj {
                self.pre_pop_reg(A::REG_ARG_2);
            } else {
                let vtype = self.pre_pop_reg(A::REG_ARG_1);
                self.call_with_imm_arg(Fun::ConvertNativeToObj, vtype.code(), A::REG_ARG_2);
                self.asm.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
            }
        } else {
            let vtype = self.pre_pop_reg(A::REG_ARG_2);
            self.assert_pyobj(vtype, "emit_native_store_global", "vtype == VTYPE_PYOBJ");
        }
        let fun = if global {
            Fun::StoreGlobal
        } else {
            Fun::StoreName
        };
        self.call_with_qstr_arg(common, fun, qst, A::REG_ARG_1);
    }

    fn store_attr(&mut self, common: &mut EmitCommon, qst: Qstr) {
        let vtype_val = self.peek_vtype(1);
        let vtype_base = if vtype_val == VType::PyObj {
            let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
            self.pre_pop_reg(A::REG_ARG_3);
            vtype_base
        } else {
            let vtype_val = self.access_stack(2, A::REG_ARG_1);
            self.call_with_imm_arg(Fun::ConvertNativeToObj, vtype_val.code(), A::REG_ARG_2);
            self.asm.mov_reg_reg(A::REG_ARG_3, A::REG_RET);
            let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
            self.adjust_stack(-1);
            vtype_base
        };
        self.assert_pyobj(
            vtype_base,
            "emit_native_store_attr",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.call_with_qstr_arg(common, Fun::StoreAttr, qst, A::REG_ARG_2);
    }

    fn store_subscr(&mut self) {
        let vtype_base = self.peek_vtype(1);
        if vtype_base == VType::PyObj {
            let vtype_index = self.peek_vtype(0);
            let vtype_value = self.peek_vtype(2);
            if vtype_index != VType::PyObj || vtype_value != VType::PyObj {
                self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_1, 3);
                self.adjust_stack(3);
            }
            self.pre_pop_reg(A::REG_ARG_2);
            self.pre_pop_reg(A::REG_ARG_1);
            self.pre_pop_reg(A::REG_ARG_3);
            self.call(Fun::ObjSubscr);
            return;
        }
        let top = self.peek_stack(0);
        if let (VType::Int, StackKind::Imm(index_value)) = (top.vtype, top.kind) {
            self.pre_pop_discard();
            let reg_index = A::REG_ARG_2;
            let reg_value = A::REG_ARG_3;
            let (vtype_base, reg_base) =
                self.pre_pop_reg_flexible(A::REG_ARG_1, Some(reg_index), Some(reg_value));
            let (vtype_value, reg_value) = if A::X86_FAMILY {
                (self.pre_pop_reg(reg_value), reg_value)
            } else {
                self.pre_pop_reg_flexible(reg_value, Some(reg_base), Some(reg_index))
            };
            if !matches!(vtype_value, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(ViperError::CantStore(vtype_value));
            }
            let size_log2 = match vtype_base {
                VType::Ptr8 => Some(0),
                VType::Ptr16 => Some(1),
                VType::Ptr32 => Some(2),
                _ => {
                    self.viper_type_error(ViperError::CantStoreTo(vtype_base));
                    None
                }
            };
            if let Some(size_log2) = size_log2.filter(|&s| A::STORE_OFFSET_FORMS[s]) {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let offset = index_value as u32;
                match size_log2 {
                    0 => self.asm.store8_reg_reg_offset(reg_value, reg_base, offset),
                    1 => self.asm.store16_reg_reg_offset(reg_value, reg_base, offset),
                    _ => self.asm.store32_reg_reg_offset(reg_value, reg_base, offset),
                }
            } else if let Some(size_log2) = size_log2 {
                // No offset form: add the scaled index to the base, then store.
                let mut reg_base = reg_base;
                if index_value != 0 {
                    self.asm
                        .mov_reg_imm(reg_index, index_value.wrapping_shl(size_log2 as u32));
                    self.asm.add_reg_reg(reg_index, reg_base);
                    reg_base = reg_index;
                }
                match size_log2 {
                    0 => self.asm.store8_reg_reg(reg_value, reg_base),
                    1 => self.asm.store16_reg_reg(reg_value, reg_base),
                    _ => self.asm.store32_reg_reg(reg_value, reg_base),
                }
            }
        } else {
            let reg_value = A::REG_ARG_3;
            let (vtype_index, reg_index) =
                self.pre_pop_reg_flexible(A::REG_ARG_2, Some(A::REG_ARG_1), Some(reg_value));
            let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
            if vtype_index != VType::Int && vtype_index != VType::Uint {
                self.viper_type_error(ViperError::CantStoreWithIndex(vtype_index));
            }
            let (vtype_value, reg_value) = if A::X86_FAMILY {
                (self.pre_pop_reg(reg_value), reg_value)
            } else {
                self.pre_pop_reg_flexible(reg_value, Some(A::REG_ARG_1), Some(reg_index))
            };
            if !matches!(vtype_value, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(ViperError::CantStore(vtype_value));
            }
            match vtype_base {
                VType::Ptr8 => self
                    .asm
                    .store8_reg_reg_reg(reg_value, A::REG_ARG_1, reg_index),
                VType::Ptr16 => self
                    .asm
                    .store16_reg_reg_reg(reg_value, A::REG_ARG_1, reg_index),
                VType::Ptr32 => self
                    .asm
                    .store32_reg_reg_reg(reg_value, A::REG_ARG_1, reg_index),
                _ => self.viper_type_error(ViperError::CantStoreTo(vtype_base)),
            }
        }
    }

    /// `emit_native_delete_local`: a fast local is set to None; a deref does nothing.
    pub(crate) fn delete_local(&mut self, qst: Qstr, local: u16, deref: bool) {
        if !deref {
            self.load_const_none();
            self.store_fast(qst, local);
        }
    }

    /// `emit_native_delete_global` (`global == false` is DELETE_NAME).
    pub(crate) fn delete_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        let fun = if global {
            Fun::DeleteGlobal
        } else {
            Fun::DeleteName
        };
        self.call_with_qstr_arg(common, fun, qst, A::REG_ARG_1);
    }

    fn delete_attr(&mut self, common: &mut EmitCommon, qst: Qstr) {
        let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_base,
            "emit_native_delete_attr",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.asm.clr_reg(A::REG_ARG_3);
        self.call_with_qstr_arg(common, Fun::StoreAttr, qst, A::REG_ARG_2);
    }

    fn delete_subscr(&mut self) {
        let vtype_index = self.pre_pop_reg(A::REG_ARG_2);
        let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_index,
            "emit_native_delete_subscr",
            "vtype_index == VTYPE_PYOBJ",
        );
        self.assert_pyobj(
            vtype_base,
            "emit_native_delete_subscr",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.call_with_imm_arg(Fun::ObjSubscr, 0, A::REG_ARG_3);
    }

    /// `emit_native_subscr`.
    pub(crate) fn subscr(&mut self, kind: AccessKind) {
        match kind {
            AccessKind::Load => self.load_subscr(),
            AccessKind::Store => self.store_subscr(),
            AccessKind::Delete => self.delete_subscr(),
        }
    }

    /// `emit_native_attr`.
    pub(crate) fn attr(&mut self, common: &mut EmitCommon, qst: Qstr, kind: AccessKind) {
        match kind {
            AccessKind::Load => self.load_attr(common, qst),
            AccessKind::Store => self.store_attr(common, qst),
            AccessKind::Delete => self.delete_attr(common, qst),
        }
    }

    /// `emit_native_dup_top`.
    pub(crate) fn dup_top(&mut self) {
        let (vtype, reg) = self.pre_pop_reg_flexible(A::REG_TEMP0, None, None);
        self.post_push_reg(vtype, reg);
        self.post_push_reg(vtype, reg);
    }

    /// `emit_native_dup_top_two`.
    pub(crate) fn dup_top_two(&mut self) {
        let vtype0 = self.pre_pop_reg(A::REG_TEMP0);
        let vtype1 = self.pre_pop_reg(A::REG_TEMP1);
        self.post_push_reg(vtype1, A::REG_TEMP1);
        self.post_push_reg(vtype0, A::REG_TEMP0);
        self.post_push_reg(vtype1, A::REG_TEMP1);
        self.post_push_reg(vtype0, A::REG_TEMP0);
    }

    /// `emit_native_pop_top`.
    pub(crate) fn pop_top(&mut self) {
        self.pre_pop_discard();
    }

    /// `emit_native_rot_two`.
    pub(crate) fn rot_two(&mut self) {
        let vtype0 = self.pre_pop_reg(A::REG_TEMP0);
        let vtype1 = self.pre_pop_reg(A::REG_TEMP1);
        self.post_push_reg(vtype0, A::REG_TEMP0);
        self.post_push_reg(vtype1, A::REG_TEMP1);
    }

    /// `emit_native_rot_three`.
    pub(crate) fn rot_three(&mut self) {
        let vtype0 = self.pre_pop_reg(A::REG_TEMP0);
        let vtype1 = self.pre_pop_reg(A::REG_TEMP1);
        let vtype2 = self.pre_pop_reg(A::REG_TEMP2);
        self.post_push_reg(vtype0, A::REG_TEMP0);
        self.post_push_reg(vtype2, A::REG_TEMP2);
        self.post_push_reg(vtype1, A::REG_TEMP1);
    }

    /// `emit_native_jump`.
    pub(crate) fn jump(&mut self, label: u32) {
        self.need_stack_settled();
        self.asm.jump(Self::label(label));
        self.asm.base_mut().suppress_code();
    }

    fn jump_helper(&mut self, cond: bool, label: u32, pop: bool) {
        let mut vtype = self.peek_vtype(0);
        if vtype == VType::PyObj {
            self.pre_pop_reg(A::REG_ARG_1);
            if !pop {
                self.adjust_stack(1);
            }
            self.call(Fun::ObjIsTrue);
        } else {
            vtype = self.pre_pop_reg(A::REG_RET);
            if !pop {
                self.adjust_stack(1);
            }
            if !matches!(vtype, VType::Bool | VType::Int | VType::Uint) {
                self.viper_type_error(ViperError::CantConvertToBool(vtype));
            }
        }
        if !pop {
            self.saved_stack_vtype = vtype;
        }
        self.need_stack_settled();
        if cond {
            self.asm
                .jump_if_reg_nonzero(A::REG_RET, Self::label(label), vtype == VType::PyObj);
        } else {
            self.asm
                .jump_if_reg_zero(A::REG_RET, Self::label(label), vtype == VType::PyObj);
        }
        if !pop {
            self.adjust_stack(-1);
        }
    }

    /// `emit_native_pop_jump_if`.
    pub(crate) fn pop_jump_if(&mut self, cond: bool, label: u32) {
        self.jump_helper(cond, label, true);
    }

    /// `emit_native_jump_if_or_pop`.
    pub(crate) fn jump_if_or_pop(&mut self, cond: bool, label: u32) {
        self.jump_helper(cond, label, false);
    }

    /// `emit_native_unwind_jump`.
    pub(crate) fn unwind_jump(&mut self, mut label: u32, except_depth: u32) {
        if except_depth > 0 {
            let mut first_finally: Option<usize> = None;
            let mut prev_finally: Option<usize> = None;
            let mut e = self.exc_stack.len() as isize - 1;
            let mut depth = except_depth;
            while depth > 0 {
                if e >= 0 {
                    #[allow(clippy::cast_sign_loss)]
                    let i = e as usize;
                    let entry = self.exc_stack[i];
                    if entry.is_finally && entry.is_active {
                        if first_finally.is_none() {
                            first_finally = Some(i);
                        }
                        if let Some(p) = prev_finally {
                            self.exc_stack[p].unwind_label = entry.label;
                        }
                        prev_finally = Some(i);
                    }
                }
                depth -= 1;
                e -= 1;
            }
            match prev_finally {
                None => {
                    if e < 0 {
                        self.asm.clr_reg(A::REG_RET);
                    } else {
                        #[allow(clippy::cast_sign_loss)]
                        let l = self.exc_stack[e as usize].label;
                        self.asm.mov_reg_pcrel(A::REG_RET, Self::label(l));
                    }
                    self.asm
                        .mov_local_reg(Self::local_idx_exc_handler_pc(), A::REG_RET);
                }
                Some(p) => {
                    self.exc_stack[p].unwind_label = UNWIND_LABEL_DO_FINAL_UNWIND;
                    self.asm
                        .mov_reg_pcrel(A::REG_RET, Self::label(label & !BREAK_FROM_FOR));
                    self.asm
                        .mov_local_reg(Self::local_idx_exc_handler_unwind(), A::REG_RET);
                    self.asm.mov_reg_imm(A::REG_RET, 0);
                    self.asm
                        .mov_local_reg(Self::local_idx_exc_val(), A::REG_RET);
                    if let Some(f) = first_finally {
                        label = self.exc_stack[f].label;
                    }
                }
            }
        }
        self.jump(label & !BREAK_FROM_FOR);
    }

    fn setup_with(&mut self, common: &mut EmitCommon, label: u32, exit: Qstr, enter: Qstr) {
        let vtype = self.access_stack(1, A::REG_ARG_1);
        self.assert_pyobj(vtype, "emit_native_setup_with", "vtype == VTYPE_PYOBJ");
        self.get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
        self.call_with_qstr_arg(common, Fun::LoadMethod, exit, A::REG_ARG_2);

        self.pre_pop_reg(A::REG_ARG_3);
        self.pre_pop_reg(A::REG_ARG_2);
        let vtype = self.pre_pop_reg(A::REG_ARG_1);
        self.post_push_reg(vtype, A::REG_ARG_2);
        self.post_push_reg(vtype, A::REG_ARG_3);

        self.get_stack_pointer_to_reg_for_push(A::REG_ARG_3, 2);
        self.call_with_qstr_arg(common, Fun::LoadMethod, enter, A::REG_ARG_2);

        self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2);
        self.call_with_2_imm_args(Fun::CallMethodNKw, 0, A::REG_ARG_1, 0, A::REG_ARG_2);
        self.post_push_reg(VType::PyObj, A::REG_RET);

        self.need_stack_settled();
        self.push_exc_stack(label, true);

        self.dup_top();
    }

    /// `emit_native_setup_block`. `exit`/`enter` are the qstrs `__exit__` and `__enter__`.
    pub(crate) fn setup_block(
        &mut self,
        common: &mut EmitCommon,
        label: u32,
        kind: SetupBlock,
        exit: Qstr,
        enter: Qstr,
    ) {
        if kind == SetupBlock::With {
            self.setup_with(common, label, exit, enter);
        } else {
            self.need_stack_settled();
            self.push_exc_stack(label, kind == SetupBlock::Finally);
        }
    }

    /// `emit_native_with_cleanup` (3 labels from `label_slot` are reserved for it).
    pub(crate) fn with_cleanup(&mut self, label: u32, label_slot: u32) {
        self.leave_exc_stack(false);
        self.adjust_stack(-1);

        self.label_assign(label_slot + 2);

        self.post_push_imm(VType::PtrNone, 0);
        self.post_push_imm(VType::PtrNone, 0);
        self.post_push_imm(VType::PtrNone, 0);
        self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 5);
        self.call_with_2_imm_args(Fun::CallMethodNKw, 3, A::REG_ARG_1, 0, A::REG_ARG_2);

        self.jump(label_slot);

        self.asm.label_assign(Self::label(label));

        self.leave_exc_stack(true);

        self.adjust_stack_size(2);

        self.asm
            .mov_reg_local(A::REG_ARG_1, Self::local_idx_exc_val());
        self.asm
            .jump_if_reg_zero(A::REG_ARG_1, Self::label(label_slot + 2), false);

        self.asm.load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_1, 0);
        self.post_push_reg(VType::PyObj, A::REG_ARG_2);
        self.post_push_reg(VType::PyObj, A::REG_ARG_1);
        self.post_push_imm(VType::PtrNone, 0);

        self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 5);
        self.call_with_2_imm_args(Fun::CallMethodNKw, 3, A::REG_ARG_1, 0, A::REG_ARG_2);

        if A::REG_ARG_1 != A::REG_RET {
            self.asm.mov_reg_reg(A::REG_ARG_1, A::REG_RET);
        }
        self.call(Fun::ObjIsTrue);
        self.asm
            .jump_if_reg_zero(A::REG_RET, Self::label(label_slot + 1), true);

        self.label_assign(label_slot);
        self.asm
            .mov_local_mp_obj_null(Self::local_idx_exc_val(), A::REG_TEMP0);

        self.label_assign(label_slot + 1);

        self.adjust_stack(1);
    }

    /// `emit_native_async_with_setup_finally`.
    pub(crate) fn async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: u32,
        label_finally_block: u32,
        label_ret_unwind_jump: u32,
    ) {
        self.adjust_stack_size(1);
        self.rot_two();
        self.load_const_none();
        self.rot_two();
        self.jump(label_aexit_no_exc);
        self.adjust_stack_size(-1);

        self.label_assign(label_finally_block);

        self.pre_pop_discard();
        self.asm
            .mov_reg_local(A::REG_ARG_1, Self::local_idx_exc_val());
        self.post_push_reg(VType::PyObj, A::REG_ARG_1);
        self.asm
            .jump_if_reg_zero(A::REG_ARG_1, Self::label(label_ret_unwind_jump), false);
    }

    /// `emit_native_end_finally` (1 label from `label_slot` is reserved for it).
    pub(crate) fn end_finally(&mut self, label_slot: u32) {
        self.pre_pop_discard();
        self.asm
            .mov_reg_local(A::REG_ARG_1, Self::local_idx_exc_val());
        self.call(Fun::NativeRaise);

        let Some(e) = self.pop_exc_stack() else {
            return;
        };
        if e.unwind_label != UNWIND_LABEL_UNUSED {
            self.asm
                .mov_reg_local(A::REG_RET, Self::local_idx_exc_handler_unwind());
            self.asm
                .jump_if_reg_zero(A::REG_RET, Self::label(label_slot), false);
            if e.unwind_label == UNWIND_LABEL_DO_FINAL_UNWIND {
                self.asm.jump_reg(A::REG_RET);
            } else {
                self.jump(e.unwind_label);
            }
            self.label_assign(label_slot);
        }
    }

    /// `emit_native_get_iter`.
    pub(crate) fn get_iter(&mut self, use_stack: bool) {
        let vtype = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(vtype, "emit_native_get_iter", "vtype == VTYPE_PYOBJ");
        if use_stack {
            self.get_stack_pointer_to_reg_for_push(A::REG_ARG_2, ITER_BUF_NSLOTS);
            self.call(Fun::NativeGetiter);
        } else {
            self.asm.mov_reg_imm(A::REG_ARG_2, 0);
            self.call(Fun::NativeGetiter);
            self.post_push_reg(VType::PyObj, A::REG_RET);
        }
    }

    /// `emit_native_for_iter`.
    pub(crate) fn for_iter(&mut self, label: u32) {
        self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_1, ITER_BUF_NSLOTS);
        self.adjust_stack(i64::from(ITER_BUF_NSLOTS));
        self.call(Fun::NativeIternext);
        self.asm
            .jump_if_reg_zero(A::REG_RET, Self::label(label), false);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_for_iter_end`.
    pub(crate) fn for_iter_end(&mut self) {
        self.adjust_stack(-i64::from(ITER_BUF_NSLOTS));
    }

    /// `emit_native_pop_except_jump`.
    pub(crate) fn pop_except_jump(&mut self, label: u32, within_exc_handler: bool) {
        if within_exc_handler {
            self.asm
                .mov_local_mp_obj_null(Self::local_idx_exc_val(), A::REG_TEMP0);
        } else {
            self.leave_exc_stack(false);
        }
        self.jump(label);
    }

    /// `emit_native_unary_op`.
    pub(crate) fn unary_op(&mut self, op: UnaryOp) {
        let vtype = self.peek_vtype(0);
        match vtype {
            VType::Int | VType::Uint => match op {
                UnaryOp::POSITIVE => {}
                UnaryOp::NEGATIVE => {
                    let vtype = self.pre_pop_reg(A::REG_RET);
                    self.asm.neg_reg(A::REG_RET);
                    self.post_push_reg(vtype, A::REG_RET);
                }
                UnaryOp::INVERT => {
                    let vtype = self.pre_pop_reg(A::REG_RET);
                    self.asm.not_reg(A::REG_RET);
                    self.post_push_reg(vtype, A::REG_RET);
                }
                UnaryOp::NOT => self.viper_type_error(ViperError::NotNotImplemented),
            },
            VType::PyObj => {
                self.pre_pop_reg(A::REG_ARG_2);
                self.call_with_imm_arg(Fun::UnaryOp, i64::from(op as u8), A::REG_ARG_1);
                self.post_push_reg(VType::PyObj, A::REG_RET);
            }
            _ => self.viper_type_error(ViperError::CantUnaryOp(vtype)),
        }
    }

    /// `emit_native_binary_op`.
    pub(crate) fn binary_op(&mut self, bin_op: BinOp) {
        let vtype_lhs = self.peek_vtype(1);
        let vtype_rhs = self.peek_vtype(0);
        let is_int = |t: VType| t == VType::Int || t == VType::Uint;
        if is_int(vtype_lhs) && is_int(vtype_rhs) {
            let op = match bin_op {
                BinOp::Op(op) => op.without_inplace(),
                // Not typed operations: the operands are popped and the op is reported like any
                // other unimplemented one (IN, IS_NOT and NOT_IN all have the empty name).
                BinOp::NotIn | BinOp::IsNot => BinaryOp::IN,
            };
            self.int_binary_op(op);
        } else if vtype_lhs == VType::PyObj && vtype_rhs == VType::PyObj {
            self.pre_pop_reg(A::REG_ARG_3);
            self.pre_pop_reg(A::REG_ARG_2);
            let (op, invert) = match bin_op {
                BinOp::Op(op) => (op, false),
                BinOp::NotIn => (BinaryOp::IN, true),
                BinOp::IsNot => (BinaryOp::IS, true),
            };
            self.call_with_imm_arg(Fun::BinaryOp, i64::from(op as u8), A::REG_ARG_1);
            if invert {
                self.asm.mov_reg_reg(A::REG_ARG_2, A::REG_RET);
                self.call_with_imm_arg(Fun::UnaryOp, i64::from(UnaryOp::NOT as u8), A::REG_ARG_1);
            }
            self.post_push_reg(VType::PyObj, A::REG_RET);
        } else {
            self.adjust_stack(-1);
            self.viper_type_error(ViperError::CantBinaryOp(vtype_lhs, vtype_rhs));
        }
    }

    fn int_binary_op(&mut self, op: BinaryOp) {
        if A::X86_FAMILY && (op == BinaryOp::LSHIFT || op == BinaryOp::RSHIFT) {
            let count = A::SHIFT_COUNT_REG.unwrap_or(A::REG_ARG_4);
            self.pre_pop_reg(count);
            let vtype_lhs = self.pre_pop_reg(A::REG_RET);
            if op == BinaryOp::LSHIFT {
                self.asm.lsl_reg_reg(A::REG_RET, count);
            } else if vtype_lhs == VType::Uint {
                self.asm.lsr_reg_reg(A::REG_RET, count);
            } else {
                self.asm.asr_reg_reg(A::REG_RET, count);
            }
            self.post_push_reg(vtype_lhs, A::REG_RET);
            return;
        }
        if op == BinaryOp::FLOOR_DIVIDE || op == BinaryOp::MODULO {
            self.pre_pop_reg(A::REG_ARG_2);
            let vtype_lhs = self.pre_pop_reg(A::REG_ARG_1);
            if vtype_lhs != VType::Int {
                self.viper_type_error(ViperError::DivModUint);
            }
            if op == BinaryOp::FLOOR_DIVIDE {
                self.call(Fun::SmallIntFloorDivide);
            } else {
                self.call(Fun::SmallIntModulo);
            }
            self.post_push_reg(VType::Int, A::REG_RET);
            return;
        }

        let (vtype_rhs, reg_rhs) =
            self.pre_pop_reg_flexible(A::REG_ARG_3, Some(A::REG_RET), Some(A::REG_ARG_2));
        let vtype_lhs = self.pre_pop_reg(A::REG_ARG_2);

        if !A::X86_FAMILY && (op == BinaryOp::LSHIFT || op == BinaryOp::RSHIFT) {
            if op == BinaryOp::LSHIFT {
                self.asm.lsl_reg_reg(A::REG_ARG_2, reg_rhs);
            } else if vtype_lhs == VType::Uint {
                self.asm.lsr_reg_reg(A::REG_ARG_2, reg_rhs);
            } else {
                self.asm.asr_reg_reg(A::REG_ARG_2, reg_rhs);
            }
            self.post_push_reg(vtype_lhs, A::REG_ARG_2);
            return;
        }

        let compare = match op {
            BinaryOp::LESS => Some(CompareOp::Less),
            BinaryOp::MORE => Some(CompareOp::More),
            BinaryOp::EQUAL => Some(CompareOp::Equal),
            BinaryOp::LESS_EQUAL => Some(CompareOp::LessEqual),
            BinaryOp::MORE_EQUAL => Some(CompareOp::MoreEqual),
            BinaryOp::NOT_EQUAL => Some(CompareOp::NotEqual),
            _ => None,
        };
        match op {
            BinaryOp::OR => self.asm.or_reg_reg(A::REG_ARG_2, reg_rhs),
            BinaryOp::XOR => self.asm.xor_reg_reg(A::REG_ARG_2, reg_rhs),
            BinaryOp::AND => self.asm.and_reg_reg(A::REG_ARG_2, reg_rhs),
            BinaryOp::ADD => self.asm.add_reg_reg(A::REG_ARG_2, reg_rhs),
            BinaryOp::SUBTRACT => self.asm.sub_reg_reg(A::REG_ARG_2, reg_rhs),
            BinaryOp::MULTIPLY => self.asm.mul_reg_reg(A::REG_ARG_2, reg_rhs),
            _ => {
                if let Some(cmp) = compare {
                    if vtype_lhs != vtype_rhs {
                        self.viper_type_error(ViperError::ComparisonIntUint);
                    }
                    self.need_reg_single(A::REG_RET, 0);
                    self.asm.compare_set(
                        cmp,
                        vtype_lhs == VType::Uint,
                        A::REG_RET,
                        A::REG_ARG_2,
                        reg_rhs,
                    );
                    self.post_push_reg(VType::Bool, A::REG_RET);
                } else {
                    self.adjust_stack(1);
                    self.viper_type_error(ViperError::BinaryOpNotImplemented(op));
                }
                return;
            }
        }
        self.post_push_reg(vtype_lhs, A::REG_ARG_2);
    }

    /// `emit_native_build`.
    pub(crate) fn build(&mut self, n_args: u32, kind: Build) {
        let fun = match kind {
            Build::Slice => {
                self.build_slice(n_args);
                return;
            }
            Build::Tuple => Fun::BuildTuple,
            Build::List => Fun::BuildList,
            Build::Map => Fun::BuildMap,
            Build::Set => Fun::BuildSet,
        };
        if kind != Build::Map {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_2, n_args);
        }
        self.call_with_imm_arg(fun, i64::from(n_args), A::REG_ARG_1);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_store_map`.
    pub(crate) fn store_map(&mut self) {
        let vtype_key = self.pre_pop_reg(A::REG_ARG_2);
        let vtype_value = self.pre_pop_reg(A::REG_ARG_3);
        let vtype_map = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_key,
            "emit_native_store_map",
            "vtype_key == VTYPE_PYOBJ",
        );
        self.assert_pyobj(
            vtype_value,
            "emit_native_store_map",
            "vtype_value == VTYPE_PYOBJ",
        );
        self.assert_pyobj(
            vtype_map,
            "emit_native_store_map",
            "vtype_map == VTYPE_PYOBJ",
        );
        self.call(Fun::StoreMap);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    fn build_slice(&mut self, n_args: u32) {
        const FUN: &str = "emit_native_build_slice";
        if n_args == 2 {
            let vtype_stop = self.pre_pop_reg(A::REG_ARG_2);
            let vtype_start = self.pre_pop_reg(A::REG_ARG_1);
            self.assert_pyobj(vtype_start, FUN, "vtype_start == VTYPE_PYOBJ");
            self.assert_pyobj(vtype_stop, FUN, "vtype_stop == VTYPE_PYOBJ");
            self.mov_reg_const(A::REG_ARG_3, Fun::ConstNoneObj);
        } else {
            let vtype_step = self.pre_pop_reg(A::REG_ARG_3);
            let vtype_stop = self.pre_pop_reg(A::REG_ARG_2);
            let vtype_start = self.pre_pop_reg(A::REG_ARG_1);
            self.assert_pyobj(vtype_start, FUN, "vtype_start == VTYPE_PYOBJ");
            self.assert_pyobj(vtype_stop, FUN, "vtype_stop == VTYPE_PYOBJ");
            self.assert_pyobj(vtype_step, FUN, "vtype_step == VTYPE_PYOBJ");
        }
        self.call(Fun::NewSlice);
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_store_comp`.
    pub(crate) fn store_comp(&mut self, kind: ScopeKind, collection_index: u32) {
        const FUN: &str = "emit_native_store_comp";
        let fun = match kind {
            ScopeKind::ListComp | ScopeKind::SetComp => {
                let vtype_item = self.pre_pop_reg(A::REG_ARG_2);
                self.assert_pyobj(vtype_item, FUN, "vtype_item == VTYPE_PYOBJ");
                if kind == ScopeKind::ListComp {
                    Fun::ListAppend
                } else {
                    Fun::StoreSet
                }
            }
            _ => {
                let vtype_key = self.pre_pop_reg(A::REG_ARG_2);
                let vtype_value = self.pre_pop_reg(A::REG_ARG_3);
                self.assert_pyobj(vtype_key, FUN, "vtype_key == VTYPE_PYOBJ");
                self.assert_pyobj(vtype_value, FUN, "vtype_value == VTYPE_PYOBJ");
                Fun::StoreMap
            }
        };
        let vtype_collection = self.access_stack(collection_index, A::REG_ARG_1);
        self.assert_pyobj(vtype_collection, FUN, "vtype_collection == VTYPE_PYOBJ");
        self.call(fun);
    }

    /// `emit_native_unpack_sequence`.
    pub(crate) fn unpack_sequence(&mut self, n_args: u32) {
        let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_base,
            "emit_native_unpack_sequence",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.get_stack_pointer_to_reg_for_push(A::REG_ARG_3, n_args);
        self.call_with_imm_arg(Fun::UnpackSequence, i64::from(n_args), A::REG_ARG_2);
    }

    /// `emit_native_unpack_ex`.
    pub(crate) fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        let vtype_base = self.pre_pop_reg(A::REG_ARG_1);
        self.assert_pyobj(
            vtype_base,
            "emit_native_unpack_ex",
            "vtype_base == VTYPE_PYOBJ",
        );
        self.get_stack_pointer_to_reg_for_push(A::REG_ARG_3, n_left + n_right + 1);
        self.call_with_imm_arg(
            Fun::UnpackEx,
            i64::from(n_left | (n_right << 8)),
            A::REG_ARG_2,
        );
    }

    /// `emit_native_make_function`.
    pub(crate) fn make_function(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        let fun_obj = self.local_idx_fun_obj();
        self.mov_reg_state(A::REG_ARG_2, fun_obj);
        self.asm
            .load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_2, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.need_reg_all();
            self.asm.mov_reg_imm(A::REG_ARG_3, 0);
        } else {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2);
            self.need_reg_all();
        }
        self.load_reg_with_child(common, A::REG_ARG_1, child);
        self.asm.call_ind(Fun::MakeFunctionFromProto.id());
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_make_closure`.
    pub(crate) fn make_closure(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_closed_over: u32,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        let fun_obj = self.local_idx_fun_obj();
        self.mov_reg_state(A::REG_ARG_2, fun_obj);
        self.asm
            .load_reg_reg_offset(A::REG_ARG_2, A::REG_ARG_2, OFFSETOF_OBJ_FUN_BC_CONTEXT);
        let has_defaults = n_pos_defaults != 0 || n_kw_defaults != 0;
        if has_defaults {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2 + n_closed_over);
            self.adjust_stack(2 + i64::from(n_closed_over));
            self.need_reg_all();
        } else {
            self.need_reg_all();
            self.asm.mov_reg_imm(A::REG_ARG_3, 0);
        }
        self.load_reg_with_child(common, A::REG_ARG_1, child);
        self.asm.call_ind(Fun::MakeFunctionFromProto.id());

        // `#if REG_ARG_1 != REG_RET` in the reference: a preprocessor test (see
        // `NativeTarget::ENUM_REGISTERS`).
        if A::REG_ARG_1 != A::REG_RET && !A::ENUM_REGISTERS {
            self.asm.mov_reg_reg(A::REG_ARG_1, A::REG_RET);
        }
        self.asm.mov_reg_imm(A::REG_ARG_2, i64::from(n_closed_over));
        self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_closed_over);
        if has_defaults {
            self.adjust_stack(-2);
        }
        self.asm.call_ind(Fun::NewClosure.id());
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_call_function`.
    pub(crate) fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        let vtype_fun = self.peek_vtype(n_positional + 2 * n_keyword);
        if vtype_fun == VType::BuiltinCast {
            if n_positional != 1 || n_keyword != 0 {
                self.raise(NativeRaise::Assert(ViperAssert {
                    fun: "emit_native_call_function",
                    expr: "n_positional == 1 && n_keyword == 0",
                    vtype: None,
                    line: 0,
                }));
                return;
            }
            if star_flags != 0 {
                self.raise(NativeRaise::Assert(ViperAssert {
                    fun: "emit_native_call_function",
                    expr: "!star_flags",
                    vtype: None,
                    line: 0,
                }));
                return;
            }
            let StackKind::Imm(cast) = self.peek_stack(1).kind else {
                return;
            };
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let vtype_cast = VType::from_native(cast as u32);
            match self.peek_vtype(0) {
                VType::PyObj => {
                    self.pre_pop_reg(A::REG_ARG_1);
                    self.pre_pop_discard();
                    self.call_with_imm_arg(
                        Fun::ConvertObjToNative,
                        vtype_cast.code(),
                        A::REG_ARG_2,
                    );
                    self.post_push_reg(vtype_cast, A::REG_RET);
                }
                VType::Bool
                | VType::Int
                | VType::Uint
                | VType::Ptr
                | VType::Ptr8
                | VType::Ptr16
                | VType::Ptr32
                | VType::PtrNone => {
                    self.fold_stack_top(A::REG_ARG_1);
                    self.post_top_set_vtype(vtype_cast);
                }
                VType::Unbound | VType::BuiltinCast => {
                    self.raise(NativeRaise::NotImplemented("casting"));
                }
            }
            return;
        }
        self.assert_pyobj(
            vtype_fun,
            "emit_native_call_function",
            "vtype_fun == VTYPE_PYOBJ",
        );
        if star_flags != 0 {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword + 2);
            self.call_with_2_imm_args(
                Fun::CallMethodNKwVar,
                0,
                A::REG_ARG_1,
                i64::from(n_positional | (n_keyword << 8)),
                A::REG_ARG_2,
            );
        } else {
            if n_positional != 0 || n_keyword != 0 {
                self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword);
            }
            self.pre_pop_reg(A::REG_ARG_1);
            self.call_with_imm_arg(
                Fun::NativeCallFunctionNKw,
                i64::from(n_positional | (n_keyword << 8)),
                A::REG_ARG_2,
            );
        }
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_call_method`.
    pub(crate) fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        if star_flags != 0 {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, n_positional + 2 * n_keyword + 3);
            self.call_with_2_imm_args(
                Fun::CallMethodNKwVar,
                1,
                A::REG_ARG_1,
                i64::from(n_positional | (n_keyword << 8)),
                A::REG_ARG_2,
            );
        } else {
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 2 + n_positional + 2 * n_keyword);
            self.call_with_2_imm_args(
                Fun::CallMethodNKw,
                i64::from(n_positional),
                A::REG_ARG_1,
                i64::from(n_keyword),
                A::REG_ARG_2,
            );
        }
        self.post_push_reg(VType::PyObj, A::REG_RET);
    }

    /// `emit_native_return_value`.
    pub(crate) fn return_value(&mut self) {
        if self.is_generator() {
            self.get_stack_pointer_to_reg_for_pop(A::REG_TEMP0, 1);
            self.mov_state_reg(OFFSETOF_CODE_STATE_SP, A::REG_TEMP0);
            self.asm.mov_reg_imm(A::REG_TEMP0, VM_RETURN_NORMAL);
            self.asm
                .mov_local_reg(Self::local_idx_ret_val(), A::REG_TEMP0);
            #[allow(clippy::cast_possible_truncation)]
            self.unwind_jump(self.exit_label, self.exc_stack.len() as u32);
            return;
        }
        if self.do_viper_types {
            let return_vtype =
                VType::from_native(u32::from(self.scope_flags) >> SCOPE_FLAG_VIPERRET_POS);
            if self.peek_vtype(0) == VType::PtrNone {
                self.pre_pop_discard();
                if return_vtype == VType::PyObj {
                    self.mov_reg_const(A::REG_PARENT_RET, Fun::ConstNoneObj);
                } else {
                    self.asm.mov_reg_imm(A::REG_ARG_1, 0);
                }
            } else {
                let reg = if return_vtype == VType::PyObj {
                    A::REG_PARENT_RET
                } else {
                    A::REG_ARG_1
                };
                let vtype = self.pre_pop_reg(reg);
                if vtype != return_vtype {
                    self.viper_type_error(ViperError::ReturnExpected {
                        expected: return_vtype,
                        got: vtype,
                    });
                }
            }
            if return_vtype != VType::PyObj {
                self.call_with_imm_arg(Fun::ConvertNativeToObj, return_vtype.code(), A::REG_ARG_2);
                if A::REG_RET != A::REG_PARENT_RET {
                    self.asm.mov_reg_reg(A::REG_PARENT_RET, A::REG_RET);
                }
            }
        } else {
            let vtype = self.pre_pop_reg(A::REG_PARENT_RET);
            self.assert_pyobj(vtype, "emit_native_return_value", "vtype == VTYPE_PYOBJ");
        }
        if self.need_global_exc_handler() {
            self.asm
                .mov_local_reg(Self::local_idx_ret_val(), A::REG_PARENT_RET);
        }
        #[allow(clippy::cast_possible_truncation)]
        self.unwind_jump(self.exit_label, self.exc_stack.len() as u32);
    }

    /// `emit_native_raise_varargs`.
    pub(crate) fn raise_varargs(&mut self, n_args: u32) {
        if n_args != 1 {
            self.raise(NativeRaise::NotImplemented("native raise"));
            return;
        }
        let vtype_exc = self.pre_pop_reg(A::REG_ARG_1);
        if vtype_exc != VType::PyObj {
            self.viper_type_error(ViperError::MustRaiseObject);
        }
        self.call(Fun::NativeRaise);
        self.asm.base_mut().suppress_code();
    }

    /// `emit_native_yield` (1 label for `yield`, 3 for `yield from`, from `label_slot`).
    pub(crate) fn yield_(&mut self, from: bool, label_slot: u32) {
        if self.do_viper_types {
            self.raise(NativeRaise::NotImplemented("native yield"));
            return;
        }
        self.scope_flags |= SCOPE_FLAG_GENERATOR;

        self.need_stack_settled();

        if from {
            self.jump(label_slot + 2);
            self.label_assign(label_slot + 1);
        }

        self.get_stack_pointer_to_reg_for_pop(A::REG_TEMP0, 1);
        self.mov_state_reg(OFFSETOF_CODE_STATE_SP, A::REG_TEMP0);

        self.asm.mov_reg_imm(A::REG_TEMP0, VM_RETURN_YIELD);
        self.asm
            .mov_local_reg(Self::local_idx_ret_val(), A::REG_TEMP0);

        self.asm
            .mov_reg_pcrel(A::REG_TEMP0, Self::label(label_slot));
        let gen_pc = self.local_idx_gen_pc();
        self.mov_state_reg(gen_pc, A::REG_TEMP0);

        self.asm.jump(Self::label(self.exit_label));

        self.asm.label_assign(Self::label(label_slot));

        if let Some(e) = self.exc_stack.iter().rev().find(|e| e.is_active).copied() {
            self.asm.mov_reg_pcrel(A::REG_RET, Self::label(e.label));
            self.asm
                .mov_local_reg(Self::local_idx_exc_handler_pc(), A::REG_RET);
        }

        self.adjust_stack_size(1);

        if from {
            self.label_assign(label_slot + 2);

            self.asm
                .mov_reg_local(A::REG_ARG_3, Self::local_idx_throw_val());
            self.asm.mov_reg_imm(A::REG_ARG_2, 0);
            self.asm
                .mov_local_reg(Self::local_idx_throw_val(), A::REG_ARG_2);
            self.pre_pop_reg(A::REG_ARG_2);
            self.access_stack(1, A::REG_ARG_1);
            self.post_push_reg(VType::PyObj, A::REG_ARG_3);
            self.get_stack_pointer_to_reg_for_pop(A::REG_ARG_3, 1);
            self.call(Fun::NativeYieldFrom);

            self.asm
                .jump_if_reg_nonzero(A::REG_RET, Self::label(label_slot + 1), true);

            self.adjust_stack_size(1);
            self.fold_stack_top(A::REG_ARG_1);
        } else {
            self.asm
                .mov_reg_local(A::REG_ARG_1, Self::local_idx_throw_val());
            self.asm
                .mov_local_mp_obj_null(Self::local_idx_throw_val(), A::REG_ARG_2);
            self.call(Fun::NativeRaise);
        }
    }

    /// `emit_native_start_except_handler`.
    pub(crate) fn start_except_handler(&mut self) {
        self.leave_exc_stack(true);
        self.asm
            .mov_reg_local(A::REG_TEMP0, Self::local_idx_exc_val());
        self.post_push_reg(VType::PyObj, A::REG_TEMP0);
    }

    /// `emit_native_end_except_handler`.
    #[allow(clippy::unused_self)]
    pub(crate) fn end_except_handler(&mut self) {}
}

/// The static qstr number of `*` (`MP_QSTR__star_`).
fn star_qstr() -> u32 {
    mpy_format::static_qstr::static_qstr_number("*").unwrap_or(5)
}

/// `MP_BC_PRELUDE_SIZE_ENCODE`.
fn prelude_size(n_info: usize, n_cell: usize) -> Vec<u8> {
    let mut out = Vec::new();
    mpy_format::writer::encode_prelude_size(
        u32::try_from(n_info).unwrap_or(u32::MAX),
        u32::try_from(n_cell).unwrap_or(u32::MAX),
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests;
