//! An object-safe view of [`NativeEmitter`] so the compiler can pick the target at run time,
//! and the constructor that picks the assembler for an arch (`emit_native_table` in py/compile.c).

use mpy_format::arch::Arch;
use mpy_format::opcode::UnaryOp;

use super::*;
use crate::asm::arm::Arm;
use crate::asm::debug::Debug;
use crate::asm::rv32::{self, Rv32};
use crate::asm::thumb::Thumb;
use crate::asm::x64::X64;
use crate::asm::x86::X86;
use crate::asm::xtensa::{XtensaCall0, XtensaWin};

/// The native emitter's method table, independent of the target.
#[allow(missing_docs)]
pub(crate) trait NativeEmit {
    fn peek_viper_error(&self) -> Option<&ViperError>;
    fn raised(&self) -> Option<&NativeRaise>;
    fn take_output(&mut self) -> Option<NativeCode>;
    fn set_entry_name(&mut self, name: String);
    fn start_pass(&mut self, pass: Pass, scope: &Scope, common: &mut EmitCommon, label_slot: u32);
    fn end_pass(&mut self, scope: &mut Scope, common: &mut EmitCommon);
    fn adjust_stack_size(&mut self, delta: i32);
    fn set_source_line(&mut self, _line: u32);
    fn label_assign(&mut self, l: u32);
    fn import_name(&mut self, common: &mut EmitCommon, qst: Qstr);
    fn import_from(&mut self, common: &mut EmitCommon, qst: Qstr);
    fn import_star(&mut self);
    fn load_const_none(&mut self);
    fn load_const_bool(&mut self, value: bool);
    fn load_const_small_int(&mut self, v: i64);
    fn load_const_str(&mut self, common: &mut EmitCommon, qst_bytes: &[u8]);
    fn load_const_obj(&mut self, common: &mut EmitCommon, value: &ConstValue);
    fn load_null(&mut self);
    fn load_fast(&mut self, qst: Qstr, local: u16);
    fn load_deref(&mut self, qst: Qstr, local: u16);
    fn load_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool);
    fn load_method(&mut self, common: &mut EmitCommon, qst: Qstr, is_super: bool);
    fn load_build_class(&mut self);
    fn store_fast(&mut self, qst: Qstr, local: u16);
    fn store_deref(&mut self, qst: Qstr, local: u16);
    fn store_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool);
    fn delete_local(&mut self, qst: Qstr, local: u16, deref: bool);
    fn delete_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool);
    fn subscr(&mut self, kind: AccessKind);
    fn attr(&mut self, common: &mut EmitCommon, qst: Qstr, kind: AccessKind);
    fn dup_top(&mut self);
    fn dup_top_two(&mut self);
    fn pop_top(&mut self);
    fn rot_two(&mut self);
    fn rot_three(&mut self);
    fn jump(&mut self, label: u32);
    fn pop_jump_if(&mut self, cond: bool, label: u32);
    fn jump_if_or_pop(&mut self, cond: bool, label: u32);
    fn unwind_jump(&mut self, label: u32, except_depth: u32);
    fn setup_block(
        &mut self,
        common: &mut EmitCommon,
        label: u32,
        kind: SetupBlock,
        exit: Qstr,
        enter: Qstr,
    );
    fn with_cleanup(&mut self, label: u32, label_slot: u32);
    fn async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: u32,
        label_finally_block: u32,
        label_ret_unwind_jump: u32,
    );
    fn end_finally(&mut self, label_slot: u32);
    fn get_iter(&mut self, use_stack: bool);
    fn for_iter(&mut self, label: u32);
    fn for_iter_end(&mut self);
    fn pop_except_jump(&mut self, label: u32, within_exc_handler: bool);
    fn unary_op(&mut self, op: UnaryOp);
    fn binary_op(&mut self, bin_op: BinOp);
    fn build(&mut self, n_args: u32, kind: Build);
    fn store_map(&mut self);
    fn store_comp(&mut self, kind: ScopeKind, collection_index: u32);
    fn unpack_sequence(&mut self, n_args: u32);
    fn unpack_ex(&mut self, n_left: u32, n_right: u32);
    fn make_function(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    );
    fn make_closure(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_closed_over: u32,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    );
    fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32);
    fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32);
    fn return_value(&mut self);
    fn raise_varargs(&mut self, n_args: u32);
    fn yield_(&mut self, from: bool, label_slot: u32);
    fn start_except_handler(&mut self);
    fn end_except_handler(&mut self);
}

impl<A: NativeTarget> NativeEmit for NativeEmitter<A> {
    fn peek_viper_error(&self) -> Option<&ViperError> {
        NativeEmitter::peek_viper_error(self)
    }
    fn raised(&self) -> Option<&NativeRaise> {
        NativeEmitter::raised(self)
    }
    fn take_output(&mut self) -> Option<NativeCode> {
        NativeEmitter::take_output(self)
    }
    fn set_entry_name(&mut self, name: String) {
        NativeEmitter::set_entry_name(self, name);
    }
    fn start_pass(&mut self, pass: Pass, scope: &Scope, common: &mut EmitCommon, label_slot: u32) {
        NativeEmitter::start_pass(self, pass, scope, common, label_slot)
    }
    fn end_pass(&mut self, scope: &mut Scope, common: &mut EmitCommon) {
        NativeEmitter::end_pass(self, scope, common)
    }
    fn adjust_stack_size(&mut self, delta: i32) {
        NativeEmitter::adjust_stack_size(self, delta)
    }
    fn set_source_line(&mut self, _line: u32) {
        NativeEmitter::set_source_line(self, _line)
    }
    fn label_assign(&mut self, l: u32) {
        NativeEmitter::label_assign(self, l)
    }
    fn import_name(&mut self, common: &mut EmitCommon, qst: Qstr) {
        NativeEmitter::import_name(self, common, qst)
    }
    fn import_from(&mut self, common: &mut EmitCommon, qst: Qstr) {
        NativeEmitter::import_from(self, common, qst)
    }
    fn import_star(&mut self) {
        NativeEmitter::import_star(self)
    }
    fn load_const_none(&mut self) {
        NativeEmitter::load_const_none(self)
    }
    fn load_const_bool(&mut self, value: bool) {
        NativeEmitter::load_const_bool(self, value)
    }
    fn load_const_small_int(&mut self, v: i64) {
        NativeEmitter::load_const_small_int(self, v)
    }
    fn load_const_str(&mut self, common: &mut EmitCommon, qst_bytes: &[u8]) {
        NativeEmitter::load_const_str(self, common, qst_bytes)
    }
    fn load_const_obj(&mut self, common: &mut EmitCommon, value: &ConstValue) {
        NativeEmitter::load_const_obj(self, common, value)
    }
    fn load_null(&mut self) {
        NativeEmitter::load_null(self)
    }
    fn load_fast(&mut self, qst: Qstr, local: u16) {
        NativeEmitter::load_fast(self, qst, local)
    }
    fn load_deref(&mut self, qst: Qstr, local: u16) {
        NativeEmitter::load_deref(self, qst, local)
    }
    fn load_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        NativeEmitter::load_name(self, common, qst, global)
    }
    fn load_method(&mut self, common: &mut EmitCommon, qst: Qstr, is_super: bool) {
        NativeEmitter::load_method(self, common, qst, is_super)
    }
    fn load_build_class(&mut self) {
        NativeEmitter::load_build_class(self)
    }
    fn store_fast(&mut self, qst: Qstr, local: u16) {
        NativeEmitter::store_fast(self, qst, local)
    }
    fn store_deref(&mut self, qst: Qstr, local: u16) {
        NativeEmitter::store_deref(self, qst, local)
    }
    fn store_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        NativeEmitter::store_name(self, common, qst, global)
    }
    fn delete_local(&mut self, qst: Qstr, local: u16, deref: bool) {
        NativeEmitter::delete_local(self, qst, local, deref)
    }
    fn delete_name(&mut self, common: &mut EmitCommon, qst: Qstr, global: bool) {
        NativeEmitter::delete_name(self, common, qst, global)
    }
    fn subscr(&mut self, kind: AccessKind) {
        NativeEmitter::subscr(self, kind)
    }
    fn attr(&mut self, common: &mut EmitCommon, qst: Qstr, kind: AccessKind) {
        NativeEmitter::attr(self, common, qst, kind)
    }
    fn dup_top(&mut self) {
        NativeEmitter::dup_top(self)
    }
    fn dup_top_two(&mut self) {
        NativeEmitter::dup_top_two(self)
    }
    fn pop_top(&mut self) {
        NativeEmitter::pop_top(self)
    }
    fn rot_two(&mut self) {
        NativeEmitter::rot_two(self)
    }
    fn rot_three(&mut self) {
        NativeEmitter::rot_three(self)
    }
    fn jump(&mut self, label: u32) {
        NativeEmitter::jump(self, label)
    }
    fn pop_jump_if(&mut self, cond: bool, label: u32) {
        NativeEmitter::pop_jump_if(self, cond, label)
    }
    fn jump_if_or_pop(&mut self, cond: bool, label: u32) {
        NativeEmitter::jump_if_or_pop(self, cond, label)
    }
    fn unwind_jump(&mut self, label: u32, except_depth: u32) {
        NativeEmitter::unwind_jump(self, label, except_depth)
    }
    fn setup_block(
        &mut self,
        common: &mut EmitCommon,
        label: u32,
        kind: SetupBlock,
        exit: Qstr,
        enter: Qstr,
    ) {
        NativeEmitter::setup_block(self, common, label, kind, exit, enter)
    }
    fn with_cleanup(&mut self, label: u32, label_slot: u32) {
        NativeEmitter::with_cleanup(self, label, label_slot)
    }
    fn async_with_setup_finally(
        &mut self,
        label_aexit_no_exc: u32,
        label_finally_block: u32,
        label_ret_unwind_jump: u32,
    ) {
        NativeEmitter::async_with_setup_finally(
            self,
            label_aexit_no_exc,
            label_finally_block,
            label_ret_unwind_jump,
        )
    }
    fn end_finally(&mut self, label_slot: u32) {
        NativeEmitter::end_finally(self, label_slot)
    }
    fn get_iter(&mut self, use_stack: bool) {
        NativeEmitter::get_iter(self, use_stack)
    }
    fn for_iter(&mut self, label: u32) {
        NativeEmitter::for_iter(self, label)
    }
    fn for_iter_end(&mut self) {
        NativeEmitter::for_iter_end(self)
    }
    fn pop_except_jump(&mut self, label: u32, within_exc_handler: bool) {
        NativeEmitter::pop_except_jump(self, label, within_exc_handler)
    }
    fn unary_op(&mut self, op: UnaryOp) {
        NativeEmitter::unary_op(self, op)
    }
    fn binary_op(&mut self, bin_op: BinOp) {
        NativeEmitter::binary_op(self, bin_op)
    }
    fn build(&mut self, n_args: u32, kind: Build) {
        NativeEmitter::build(self, n_args, kind)
    }
    fn store_map(&mut self) {
        NativeEmitter::store_map(self)
    }
    fn store_comp(&mut self, kind: ScopeKind, collection_index: u32) {
        NativeEmitter::store_comp(self, kind, collection_index)
    }
    fn unpack_sequence(&mut self, n_args: u32) {
        NativeEmitter::unpack_sequence(self, n_args)
    }
    fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        NativeEmitter::unpack_ex(self, n_left, n_right)
    }
    fn make_function(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        NativeEmitter::make_function(self, common, child, n_pos_defaults, n_kw_defaults)
    }
    fn make_closure(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_closed_over: u32,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        NativeEmitter::make_closure(
            self,
            common,
            child,
            n_closed_over,
            n_pos_defaults,
            n_kw_defaults,
        )
    }
    fn call_function(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        NativeEmitter::call_function(self, n_positional, n_keyword, star_flags)
    }
    fn call_method(&mut self, n_positional: u32, n_keyword: u32, star_flags: u32) {
        NativeEmitter::call_method(self, n_positional, n_keyword, star_flags)
    }
    fn return_value(&mut self) {
        NativeEmitter::return_value(self)
    }
    fn raise_varargs(&mut self, n_args: u32) {
        NativeEmitter::raise_varargs(self, n_args)
    }
    fn yield_(&mut self, from: bool, label_slot: u32) {
        NativeEmitter::yield_(self, from, label_slot)
    }
    fn start_except_handler(&mut self) {
        NativeEmitter::start_except_handler(self)
    }
    fn end_except_handler(&mut self) {
        NativeEmitter::end_except_handler(self)
    }
}

/// A native emitter for `arch` (`NATIVE_EMITTER(new)`), or `None` when this port has no
/// assembler for it (rv64imc).
pub(crate) fn new_native_emitter(
    arch: Arch,
    arch_flags: u32,
    max_num_labels: usize,
    cast_names: [Option<Qstr>; 8],
) -> Option<Box<dyn NativeEmit>> {
    Some(match arch {
        Arch::X64 => Box::new(NativeEmitter::new(X64::new(max_num_labels), cast_names)),
        Arch::X86 => Box::new(NativeEmitter::new(X86::new(max_num_labels), cast_names)),
        Arch::Armv6 => Box::new(NativeEmitter::new(Arm::new(max_num_labels), cast_names)),
        Arch::Armv6m | Arch::Armv7m | Arch::Armv7em | Arch::Armv7emsp | Arch::Armv7emdp => {
            Box::new(NativeEmitter::new(
                Thumb::new(arch, max_num_labels),
                cast_names,
            ))
        }
        Arch::Xtensa => Box::new(NativeEmitter::new(
            XtensaCall0::new(max_num_labels),
            cast_names,
        )),
        Arch::Xtensawin => Box::new(NativeEmitter::new(
            XtensaWin::new(max_num_labels),
            cast_names,
        )),
        Arch::Rv32imc => Box::new(NativeEmitter::new(
            Rv32::new(
                max_num_labels,
                (arch_flags & u32::from(rv32::EXT_ALL)) as u8,
            ),
            cast_names,
        )),
        Arch::Debug => Box::new(NativeEmitter::new(Debug::new(max_num_labels), cast_names)),
        _ => return None,
    })
}
