//! The emitter the compiler talks to: bytecode or native, chosen per scope (the
//! `comp->emit_method_table` switch in `mp_compile_to_raw_code`, py/compile.c).
//!
//! Methods take the union of what the two emitters need: native code needs a local's name for
//! its type errors, the compiler's next label for the labels it reserves, and so on.

use mpy_format::arch::Arch;
use mpy_format::opcode::UnaryOp;

use crate::qstr::{Qstr, QstrPool};
use crate::scope::{EmitOption, Scope, ScopeId, ScopeKind, Scopes};
use crate::value::ConstValue;

use super::bytecode::{AccessKind, BinOp, Build, BytecodeEmitter, SetupBlock};
use super::common::EmitCommon;
use super::native::{
    new_native_emitter, NativeCode, NativeEmit, NativeRaise, ViperAssert, ViperError,
};
use super::Pass;

/// The compiler's emitter: the bytecode writer, plus the native one once a scope needs it.
pub(crate) struct Emitter {
    /// The bytecode emitter (always present: the SCOPE pass runs it for every scope).
    pub bc: BytecodeEmitter,
    native: Option<Box<dyn NativeEmit>>,
    arch: Arch,
    arch_flags: u32,
    use_native: bool,
    max_num_labels: usize,
    cast_names: [Option<Qstr>; 8],
    exit_q: Qstr,
    enter_q: Qstr,
    /// The next native scope's qualified name (`-march=debug` prints it in `ENTRY`).
    entry_name: String,
}

/// Why a native emitter could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NativeUnavailable {
    /// This port has no assembler for the arch (rv32imc).
    NotPorted,
}

macro_rules! dispatch {
    ($self:ident, $native:ident => $n:expr, $bc:ident => $b:expr) => {
        if $self.use_native {
            if let Some($native) = $self.native.as_deref_mut() {
                $n;
            }
        } else {
            let $bc = &mut $self.bc;
            $b;
        }
    };
}

impl Emitter {
    /// An emitter for `arch`; `cast_names[t]` are the qstrs `object`, `bool`, ... `ptr32`,
    /// `exit_q`/`enter_q` the qstrs `__exit__` and `__enter__`.
    pub(crate) fn new(
        bc: BytecodeEmitter,
        arch: Arch,
        arch_flags: u32,
        cast_names: [Option<Qstr>; 8],
        exit_q: Qstr,
        enter_q: Qstr,
    ) -> Self {
        Self {
            bc,
            native: None,
            arch,
            arch_flags,
            use_native: false,
            max_num_labels: 0,
            cast_names,
            exit_q,
            enter_q,
            entry_name: String::new(),
        }
    }

    /// Whether native scopes need their qualified name ([`Emitter::set_entry_name`]).
    pub(crate) fn wants_entry_name(&self) -> bool {
        self.arch == Arch::Debug
    }

    /// The qualified name (`outer.inner`, as [`qualified_name`] builds it) of the scope whose
    /// passes come next.
    pub(crate) fn set_entry_name(&mut self, name: String) {
        self.entry_name = name;
    }

    /// `emit_bc_set_max_num_labels` (also sizes the native emitter made later).
    pub(crate) fn set_max_num_labels(&mut self, n: usize) {
        self.max_num_labels = n;
        self.bc.set_max_num_labels(n);
    }

    /// Choose the emitter for a scope's STACK_SIZE/CODE_SIZE/EMIT passes.
    pub(crate) fn select(&mut self, emit_options: EmitOption) -> Result<(), NativeUnavailable> {
        self.use_native = matches!(emit_options, EmitOption::NativePython | EmitOption::Viper);
        if self.use_native && self.native.is_none() {
            self.native = new_native_emitter(
                self.arch,
                self.arch_flags,
                self.max_num_labels,
                self.cast_names,
            );
            if self.native.is_none() {
                self.use_native = false;
                return Err(NativeUnavailable::NotPorted);
            }
        }
        Ok(())
    }

    /// Go back to bytecode (for the SCOPE pass, which always uses it).
    pub(crate) fn select_bytecode(&mut self) {
        self.use_native = false;
    }

    /// Whether a native emitter was made (`cm->has_native`).
    pub(crate) fn has_native(&self) -> bool {
        self.native.is_some()
    }

    /// Whether the current scope is emitted as native code.
    pub(crate) fn is_native(&self) -> bool {
        self.use_native
    }

    /// A viper type error is pending in the compiler's error slot.
    pub(crate) fn has_viper_error(&self) -> bool {
        self.use_native
            && self
                .native
                .as_deref()
                .is_some_and(|n| n.peek_viper_error().is_some())
    }

    /// The pending viper type error, if any.
    pub(crate) fn viper_error(&self) -> Option<ViperError> {
        self.native
            .as_deref()
            .and_then(|n| n.peek_viper_error().cloned())
    }

    /// A viper value reached a place where the reference emitter asserts an object: the compile
    /// stops at this statement with a `ViperTypeError`, like a viper type error.
    pub(crate) fn viper_assert(&self) -> Option<ViperAssert> {
        match self.native.as_deref().and_then(|n| n.raised()) {
            Some(NativeRaise::Assert(a)) => Some(*a),
            _ => None,
        }
    }

    /// An exception raised out of the native emitter (ends the compile at once).
    pub(crate) fn raised(&self) -> Option<NativeRaise> {
        self.native.as_deref().and_then(|n| n.raised().cloned())
    }

    /// The finished native code of the scope just emitted.
    pub(crate) fn take_native_output(&mut self) -> Option<NativeCode> {
        self.native.as_deref_mut().and_then(NativeEmit::take_output)
    }

    pub(crate) fn start_pass(&mut self, pass: Pass, scope: &Scope, common: &mut EmitCommon) {
        let name = &self.entry_name;
        dispatch!(self, n => {
            n.set_entry_name(name.clone());
            n.start_pass(pass, scope, common, 0)
        }, b => b.start_pass(pass, scope, common));
    }

    /// `end_pass`: `Ok(false)` when the bytecode EMIT pass must run again.
    pub(crate) fn end_pass(
        &mut self,
        scope: &mut Scope,
        common: &mut EmitCommon,
    ) -> Result<bool, &'static str> {
        if self.use_native {
            if let Some(n) = self.native.as_deref_mut() {
                n.end_pass(scope, common);
            }
            Ok(true)
        } else {
            self.bc.end_pass(scope)
        }
    }

    pub(crate) fn adjust_stack_size(&mut self, delta: i32) {
        dispatch!(self, n => n.adjust_stack_size(delta), b => b.adjust_stack_size(delta));
    }

    pub(crate) fn set_source_line(&mut self, line: u32) {
        dispatch!(self, n => n.set_source_line(line), b => b.set_source_line(line));
    }

    pub(crate) fn label_assign(&mut self, l: u32) {
        dispatch!(self, n => n.label_assign(l), b => b.label_assign(l));
    }

    pub(crate) fn import_name(&mut self, common: &mut EmitCommon, q: Qstr) {
        dispatch!(self, n => n.import_name(common, q), b => b.import_name(common, q));
    }

    pub(crate) fn import_from(&mut self, common: &mut EmitCommon, q: Qstr) {
        dispatch!(self, n => n.import_from(common, q), b => b.import_from(common, q));
    }

    pub(crate) fn import_star(&mut self) {
        dispatch!(self, n => n.import_star(), b => b.import_star());
    }

    pub(crate) fn load_const_none(&mut self) {
        dispatch!(self, n => n.load_const_none(), b => b.load_const_none());
    }

    pub(crate) fn load_const_bool(&mut self, v: bool) {
        dispatch!(self, n => n.load_const_bool(v), b => b.load_const_bool(v));
    }

    pub(crate) fn load_const_small_int(&mut self, v: i64) {
        dispatch!(self, n => n.load_const_small_int(v), b => b.load_const_small_int(v));
    }

    /// `load_const_str`; `bytes` is the qstr's text (native code loads it as a str constant).
    pub(crate) fn load_const_str(&mut self, common: &mut EmitCommon, q: Qstr, bytes: &[u8]) {
        dispatch!(self, n => n.load_const_str(common, bytes), b => b.load_const_str(common, q));
    }

    pub(crate) fn load_const_obj(&mut self, common: &mut EmitCommon, value: &ConstValue) {
        dispatch!(self, n => n.load_const_obj(common, value), b => b.load_const_obj(common, value));
    }

    pub(crate) fn load_null(&mut self) {
        dispatch!(self, n => n.load_null(), b => b.load_null());
    }

    pub(crate) fn load_fast(&mut self, q: Qstr, local: u16) {
        dispatch!(self, n => n.load_fast(q, local), b => b.load_fast(local));
    }

    pub(crate) fn load_deref(&mut self, q: Qstr, local: u16) {
        dispatch!(self, n => n.load_deref(q, local), b => b.load_deref(local));
    }

    pub(crate) fn load_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        dispatch!(self, n => n.load_name(common, q, global), b => b.load_name(common, q, global));
    }

    pub(crate) fn store_fast(&mut self, q: Qstr, local: u16) {
        dispatch!(self, n => n.store_fast(q, local), b => b.store_fast(local));
    }

    pub(crate) fn store_deref(&mut self, q: Qstr, local: u16) {
        dispatch!(self, n => n.store_deref(q, local), b => b.store_deref(local));
    }

    pub(crate) fn store_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        dispatch!(self, n => n.store_name(common, q, global), b => b.store_name(common, q, global));
    }

    pub(crate) fn delete_local(&mut self, q: Qstr, local: u16, deref: bool) {
        dispatch!(self, n => n.delete_local(q, local, deref), b => b.delete_local(local, deref));
    }

    pub(crate) fn delete_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        dispatch!(self, n => n.delete_name(common, q, global), b => b.delete_name(common, q, global));
    }

    pub(crate) fn load_method(&mut self, common: &mut EmitCommon, q: Qstr, is_super: bool) {
        dispatch!(self, n => n.load_method(common, q, is_super), b => b.load_method(common, q, is_super));
    }

    pub(crate) fn load_build_class(&mut self) {
        dispatch!(self, n => n.load_build_class(), b => b.load_build_class());
    }

    pub(crate) fn subscr(&mut self, kind: AccessKind) {
        dispatch!(self, n => n.subscr(kind), b => b.subscr(kind));
    }

    pub(crate) fn attr(&mut self, common: &mut EmitCommon, q: Qstr, kind: AccessKind) {
        dispatch!(self, n => n.attr(common, q, kind), b => b.attr(common, q, kind));
    }

    pub(crate) fn dup_top(&mut self) {
        dispatch!(self, n => n.dup_top(), b => b.dup_top());
    }

    pub(crate) fn dup_top_two(&mut self) {
        dispatch!(self, n => n.dup_top_two(), b => b.dup_top_two());
    }

    pub(crate) fn pop_top(&mut self) {
        dispatch!(self, n => n.pop_top(), b => b.pop_top());
    }

    pub(crate) fn rot_two(&mut self) {
        dispatch!(self, n => n.rot_two(), b => b.rot_two());
    }

    pub(crate) fn rot_three(&mut self) {
        dispatch!(self, n => n.rot_three(), b => b.rot_three());
    }

    pub(crate) fn jump(&mut self, l: u32) {
        dispatch!(self, n => n.jump(l), b => b.jump(l));
    }

    pub(crate) fn pop_jump_if(&mut self, cond: bool, l: u32) {
        dispatch!(self, n => n.pop_jump_if(cond, l), b => b.pop_jump_if(cond, l));
    }

    pub(crate) fn jump_if_or_pop(&mut self, cond: bool, l: u32) {
        dispatch!(self, n => n.jump_if_or_pop(cond, l), b => b.jump_if_or_pop(cond, l));
    }

    pub(crate) fn unwind_jump(&mut self, l: u32, except_depth: u32) {
        dispatch!(self, n => n.unwind_jump(l, except_depth), b => b.unwind_jump(l, except_depth));
    }

    pub(crate) fn setup_block(&mut self, common: &mut EmitCommon, label: u32, kind: SetupBlock) {
        let (exit_q, enter_q) = (self.exit_q, self.enter_q);
        dispatch!(self, n => n.setup_block(common, label, kind, exit_q, enter_q), b => b.setup_block(label, kind));
    }

    /// `with_cleanup`; `label_slot` is the compiler's next label (3 are reserved after it).
    pub(crate) fn with_cleanup(&mut self, label: u32, label_slot: u32) {
        dispatch!(self, n => n.with_cleanup(label, label_slot), b => b.with_cleanup(label));
    }

    pub(crate) fn async_with_setup_finally(
        &mut self,
        common: &mut EmitCommon,
        base_exception: Qstr,
        label_aexit_no_exc: u32,
        label_finally_block: u32,
        label_ret_unwind_jump: u32,
    ) {
        dispatch!(self,
            n => n.async_with_setup_finally(label_aexit_no_exc, label_finally_block, label_ret_unwind_jump),
            b => b.async_with_setup_finally(common, base_exception, label_aexit_no_exc, label_finally_block, label_ret_unwind_jump));
    }

    /// `end_finally`; `label_slot` is the compiler's next label (1 is reserved after it).
    pub(crate) fn end_finally(&mut self, label_slot: u32) {
        dispatch!(self, n => n.end_finally(label_slot), b => b.end_finally());
    }

    pub(crate) fn get_iter(&mut self, use_stack: bool) {
        dispatch!(self, n => n.get_iter(use_stack), b => b.get_iter(use_stack));
    }

    pub(crate) fn for_iter(&mut self, l: u32) {
        dispatch!(self, n => n.for_iter(l), b => b.for_iter(l));
    }

    pub(crate) fn for_iter_end(&mut self) {
        dispatch!(self, n => n.for_iter_end(), b => b.for_iter_end());
    }

    pub(crate) fn pop_except_jump(&mut self, l: u32, within_exc_handler: bool) {
        dispatch!(self, n => n.pop_except_jump(l, within_exc_handler), b => b.pop_except_jump(l));
    }

    pub(crate) fn unary_op(&mut self, op: UnaryOp) {
        dispatch!(self, n => n.unary_op(op), b => b.unary_op(op));
    }

    pub(crate) fn binary_op(&mut self, op: BinOp) {
        dispatch!(self, n => n.binary_op(op), b => b.binary_op(op));
    }

    pub(crate) fn build(&mut self, n_args: u32, kind: Build) {
        dispatch!(self, n => n.build(n_args, kind), b => b.build(n_args, kind));
    }

    pub(crate) fn store_map(&mut self) {
        dispatch!(self, n => n.store_map(), b => b.store_map());
    }

    pub(crate) fn store_comp(&mut self, kind: ScopeKind, collection_stack_index: u32) {
        dispatch!(self, n => n.store_comp(kind, collection_stack_index), b => b.store_comp(kind, collection_stack_index));
    }

    pub(crate) fn unpack_sequence(&mut self, n_args: u32) {
        dispatch!(self, n => n.unpack_sequence(n_args), b => b.unpack_sequence(n_args));
    }

    pub(crate) fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        dispatch!(self, n => n.unpack_ex(n_left, n_right), b => b.unpack_ex(n_left, n_right));
    }

    pub(crate) fn make_function(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        dispatch!(self,
            n => n.make_function(common, child, n_pos_defaults, n_kw_defaults),
            b => b.make_function(common, child, n_pos_defaults, n_kw_defaults));
    }

    pub(crate) fn make_closure(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_closed_over: u32,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        dispatch!(self,
            n => n.make_closure(common, child, n_closed_over, n_pos_defaults, n_kw_defaults),
            b => b.make_closure(common, child, n_closed_over, n_pos_defaults, n_kw_defaults));
    }

    pub(crate) fn call_function(&mut self, n_pos: u32, n_kw: u32, star_flags: u32) {
        dispatch!(self, n => n.call_function(n_pos, n_kw, star_flags), b => b.call_function(n_pos, n_kw, star_flags));
    }

    pub(crate) fn call_method(&mut self, n_pos: u32, n_kw: u32, star_flags: u32) {
        dispatch!(self, n => n.call_method(n_pos, n_kw, star_flags), b => b.call_method(n_pos, n_kw, star_flags));
    }

    pub(crate) fn return_value(&mut self) {
        dispatch!(self, n => n.return_value(), b => b.return_value());
    }

    pub(crate) fn raise_varargs(&mut self, n_args: u32) {
        dispatch!(self, n => n.raise_varargs(n_args), b => b.raise_varargs(n_args));
    }

    /// `yield`; `label_slot` is the compiler's next label (1, or 3 for `yield from`, are reserved).
    pub(crate) fn yield_(&mut self, from: bool, label_slot: u32) {
        dispatch!(self, n => n.yield_(from, label_slot), b => b.yield_(from));
    }

    pub(crate) fn start_except_handler(&mut self) {
        dispatch!(self, n => n.start_except_handler(), b => b.start_except_handler());
    }

    pub(crate) fn end_except_handler(&mut self) {
        dispatch!(self, n => n.end_except_handler(), b => b.end_except_handler());
    }
}

/// The name `ASM_ENTRY` gets under `-march=debug` (py/emitnative.c, `N_DEBUG`): the scope's
/// name, prefixed by its enclosing scopes' names up to (not including) the module, joined by `.`.
pub(crate) fn qualified_name(scopes: &Scopes, pool: &QstrPool, id: ScopeId) -> String {
    let mut parts = Vec::new();
    let mut scope = scopes.get(id);
    loop {
        parts.push(pool.str_lossy(scope.simple_name).into_owned());
        match scope.parent.map(|p| scopes.get(p)) {
            Some(parent) if pool.bytes(parent.simple_name) != b"<module>" => scope = parent,
            _ => break,
        }
    }
    parts.reverse();
    parts.join(".")
}
