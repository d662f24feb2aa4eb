//! The bytecode writer (after py/emitbc.c): prelude, source-line table, opcodes, jumps, stack depth.
//!
//! Every pass writes the same sequence; only the EMIT pass keeps the bytes. Jump sizes come
//! from label offsets recorded in the previous pass, so code can only shrink from pass to pass.

use mpy_format::opcode::{
    BinaryOp, OpByte, Opcode, UnaryOp, FAST_MULTI_NUM, LOAD_CONST_SMALL_INT_MULTI_EXCESS,
    LOAD_CONST_SMALL_INT_MULTI_NUM, STORE_COMP_DICT, STORE_COMP_LIST, STORE_COMP_SET,
    UNWIND_JUMP_FROM_FOR,
};
use mpy_format::writer::encode_vuint;

use crate::qstr::Qstr;
use crate::scope::{IdKind, Scope, ScopeId, ScopeKind, ID_FLAG_IS_PARAM, SCOPE_FLAG_ALL_SIG};
use crate::value::ConstValue;

use super::common::EmitCommon;
use super::Pass;

/// `MP_EMIT_BREAK_FROM_FOR`: a break label that leaves a `for` loop.
pub(crate) const BREAK_FROM_FOR: u32 = 0x8000;
/// `MP_OBJ_ITER_BUF_NSLOTS`.
pub(crate) const ITER_BUF_NSLOTS: i32 = 4;

/// `MP_EMIT_SETUP_BLOCK_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SetupBlock {
    With,
    Except,
    Finally,
}

/// `MP_EMIT_BUILD_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Build {
    Tuple,
    List,
    Map,
    Set,
    Slice,
}

/// The ops the compiler asks for with a `kind` argument in the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AccessKind {
    Load,
    Store,
    Delete,
}

/// Star-call flags (`MP_EMIT_STAR_FLAG_*`).
pub(crate) const STAR_FLAG_SINGLE: u32 = 0x01;
pub(crate) const STAR_FLAG_DOUBLE: u32 = 0x02;

/// A comparison or binary operator as the compiler sees it: the bytecode ones plus the two
/// that are emitted as an operator followed by `NOT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Op(BinaryOp),
    NotIn,
    IsNot,
}

/// `emit_t` for bytecode.
#[derive(Debug, Default)]
pub(crate) struct BytecodeEmitter {
    pass: Option<Pass>,
    suppress: bool,
    stack_size: i32,
    /// The scope's running maximum stack depth (`scope->stack_size`), synced at pass start/end.
    pub max_stack: i32,
    last_source_line_offset: usize,
    last_source_line: u32,
    label_offsets: Vec<usize>,
    code_info: Vec<u8>,
    bytecode: Vec<u8>,
    code_info_size: usize,
    bytecode_size: usize,
    overflow: bool,
    n_info: usize,
    n_cell: usize,
    /// Drop line tables (`-O3` or `-X no-source-lines`).
    pub no_source_lines: bool,
    /// The finished function data of the last successful EMIT pass.
    pub fun_data: Vec<u8>,
}

fn op(o: Opcode) -> u8 {
    OpByte::Op(o).to_byte()
}

impl BytecodeEmitter {
    pub(crate) fn set_max_num_labels(&mut self, n: usize) {
        self.label_offsets = vec![0; n];
    }

    fn pass(&self) -> Pass {
        self.pass.unwrap_or(Pass::Scope)
    }

    fn write_code_info_qstr(&mut self, common: &mut EmitCommon, q: Qstr) {
        let i = common.use_qstr(q);
        encode_vuint(u64::from(i), &mut self.code_info);
    }

    /// `mp_emit_bc_start_pass`.
    pub(crate) fn start_pass(&mut self, pass: Pass, scope: &Scope, common: &mut EmitCommon) {
        self.pass = Some(pass);
        self.stack_size = 0;
        self.max_stack = i32::from(scope.stack_size);
        self.suppress = false;
        self.last_source_line_offset = 0;
        self.last_source_line = 1;
        self.bytecode.clear();
        self.code_info.clear();
        self.overflow = false;

        // Prelude signature.
        let n_state = (u32::from(scope.num_locals) + u32::from(scope.stack_size)).max(1);
        let signature = mpy_format::bytes::PreludeSignature {
            n_state,
            n_exc_stack: u32::from(scope.exc_stack_size),
            scope_flags: u32::from(scope.scope_flags & SCOPE_FLAG_ALL_SIG),
            n_pos_args: u32::from(scope.num_pos_args),
            n_kwonly_args: u32::from(scope.num_kwonly_args),
            n_def_pos_args: u32::from(scope.num_def_pos_args),
        };
        mpy_format::writer::encode_prelude_signature(&signature, &mut self.code_info);

        // Prelude size (from the previous pass).
        if pass >= Pass::CodeSize {
            let n_info = u32::try_from(self.n_info).unwrap_or(u32::MAX);
            let n_cell = u32::try_from(self.n_cell).unwrap_or(u32::MAX);
            mpy_format::writer::encode_prelude_size(n_info, n_cell, &mut self.code_info);
        }
        self.n_info = self.code_info.len();

        self.write_code_info_qstr(common, scope.simple_name);
        let n_args = usize::from(scope.num_pos_args) + usize::from(scope.num_kwonly_args);
        for i in 0..n_args {
            let q = scope
                .ids
                .iter()
                .find(|id| id.flags & ID_FLAG_IS_PARAM != 0 && usize::from(id.local_num) == i)
                .map_or(
                    Qstr(mpy_format::static_qstr::static_qstr_number("*").unwrap_or(5)),
                    |id| id.qst,
                );
            self.write_code_info_qstr(common, q);
        }
    }

    /// `mp_emit_bc_end_pass`: false when the EMIT pass must run again.
    pub(crate) fn end_pass(&mut self, scope: &mut Scope) -> Result<bool, &'static str> {
        let pass = self.pass();
        if pass == Pass::Scope {
            return Ok(true);
        }
        scope.stack_size = u16::try_from(self.max_stack).unwrap_or(u16::MAX);
        self.n_info = self.code_info.len() - self.n_info;
        self.n_cell = 0;
        for id in &scope.ids {
            if id.kind == IdKind::Cell {
                #[allow(clippy::cast_possible_truncation)]
                self.code_info.push(id.local_num as u8);
                self.n_cell += 1;
            }
        }
        if pass == Pass::CodeSize {
            self.code_info_size = self.code_info.len();
            self.bytecode_size = self.bytecode.len();
        } else if pass == Pass::Emit {
            if self.code_info.len() != self.code_info_size
                || self.bytecode.len() != self.bytecode_size
            {
                self.code_info_size = self.code_info.len();
                self.bytecode_size = self.bytecode.len();
                return Ok(false);
            }
            if self.overflow {
                return Err("bytecode overflow");
            }
            self.fun_data.clear();
            self.fun_data.extend_from_slice(&self.code_info);
            self.fun_data.extend_from_slice(&self.bytecode);
        }
        Ok(true)
    }

    /// `mp_emit_bc_adjust_stack_size`.
    pub(crate) fn adjust_stack_size(&mut self, delta: i32) {
        if self.pass() == Pass::Scope {
            return;
        }
        self.stack_size += delta;
        if self.stack_size > self.max_stack {
            self.max_stack = self.stack_size;
        }
    }

    /// `mp_emit_bc_set_source_line`.
    pub(crate) fn set_source_line(&mut self, line: u32) {
        if self.no_source_lines {
            return;
        }
        if line > self.last_source_line {
            let bytes_to_skip = self.bytecode.len() - self.last_source_line_offset;
            let lines_to_skip = (line - self.last_source_line) as usize;
            self.write_code_info_bytes_lines(bytes_to_skip, lines_to_skip);
            self.last_source_line_offset = self.bytecode.len();
            self.last_source_line = line;
        }
    }

    fn write_code_info_bytes_lines(&mut self, mut bytes: usize, mut lines: usize) {
        while bytes > 0 || lines > 0 {
            let (b, l);
            if lines <= 6 || bytes > 0xf {
                b = bytes.min(0x1f);
                l = if b < bytes { 0 } else { lines.min(3) };
                #[allow(clippy::cast_possible_truncation)]
                self.code_info.push((b | (l << 5)) as u8);
            } else {
                b = bytes.min(0xf);
                l = lines.min(0x7ff);
                #[allow(clippy::cast_possible_truncation)]
                {
                    self.code_info.push((0x80 | b | ((l >> 4) & 0x70)) as u8);
                    self.code_info.push((l & 0xff) as u8);
                }
            }
            bytes -= b;
            lines -= l;
        }
    }

    // ---- raw writers ----

    fn write_raw(&mut self, b: u8) {
        if !self.suppress {
            self.bytecode.push(b);
        }
    }

    fn write_byte(&mut self, stack_adj: i32, b: u8) {
        self.adjust_stack_size(stack_adj);
        self.write_raw(b);
    }

    fn write_byte_uint(&mut self, stack_adj: i32, b: u8, val: u64) {
        self.write_byte(stack_adj, b);
        if !self.suppress {
            encode_vuint(val, &mut self.bytecode);
        }
    }

    fn write_byte_int(&mut self, stack_adj: i32, b: u8, num: i64) {
        self.write_byte(stack_adj, b);
        if !self.suppress {
            mpy_format::writer::encode_signed_vint(num, &mut self.bytecode);
        }
    }

    fn write_byte_qstr(&mut self, common: &mut EmitCommon, stack_adj: i32, b: u8, q: Qstr) {
        let i = common.use_qstr(q);
        self.write_byte_uint(stack_adj, b, u64::from(i));
    }

    fn write_byte_child(&mut self, common: &mut EmitCommon, stack_adj: i32, b: u8, child: ScopeId) {
        let i = common.alloc_child(child);
        self.write_byte_uint(stack_adj, b, u64::from(i));
    }

    fn write_byte_label(&mut self, stack_adj: i32, b: u8, label: u32) {
        self.adjust_stack_size(stack_adj);
        if self.suppress {
            return;
        }
        let is_signed = b <= op(Opcode::POP_JUMP_IF_FALSE);
        let mut long = true;
        let mut offset: i64 = 0;
        if self.pass() >= Pass::CodeSize {
            let target = self.label_offsets.get(label as usize).copied().unwrap_or(0);
            #[allow(clippy::cast_possible_wrap)]
            {
                offset = target as i64 - self.bytecode.len() as i64 - 2;
            }
            if (is_signed && (-64..=63).contains(&offset))
                || (!is_signed && (0..=127).contains(&offset))
            {
                long = false;
            }
            if long {
                offset -= 1;
            }
        }
        self.bytecode.push(b);
        if !long {
            if is_signed {
                offset += 0x40;
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            self.bytecode.push(offset as u8 & 0x7f);
        } else {
            if is_signed {
                offset += 0x4000;
            }
            if self.pass() == Pass::Emit && !(0..=0x7fff).contains(&offset) {
                self.overflow = true;
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                self.bytecode.push(0x80 | (offset & 0x7f) as u8);
                self.bytecode.push(((offset >> 7) & 0xff) as u8);
            }
        }
    }

    // ---- the emit method table ----

    pub(crate) fn label_assign(&mut self, label: u32) {
        self.suppress = false;
        if self.pass() == Pass::Scope {
            return;
        }
        if let Some(slot) = self.label_offsets.get_mut(label as usize) {
            *slot = self.bytecode.len();
        }
    }

    /// IMPORT_NAME (`Some(q)`, pops 2 pushes 1), IMPORT_FROM, or IMPORT_STAR (`None`).
    pub(crate) fn import_name(&mut self, common: &mut EmitCommon, q: Qstr) {
        self.write_byte_qstr(common, -1, op(Opcode::IMPORT_NAME), q);
    }

    pub(crate) fn import_from(&mut self, common: &mut EmitCommon, q: Qstr) {
        self.write_byte_qstr(common, 1, op(Opcode::IMPORT_FROM), q);
    }

    pub(crate) fn import_star(&mut self) {
        self.write_byte(-1, op(Opcode::IMPORT_STAR));
    }

    pub(crate) fn load_const_none(&mut self) {
        self.write_byte(1, op(Opcode::LOAD_CONST_NONE));
    }

    pub(crate) fn load_const_bool(&mut self, value: bool) {
        self.write_byte(
            1,
            op(if value {
                Opcode::LOAD_CONST_TRUE
            } else {
                Opcode::LOAD_CONST_FALSE
            }),
        );
    }

    pub(crate) fn load_const_small_int(&mut self, v: i64) {
        if (-LOAD_CONST_SMALL_INT_MULTI_EXCESS
            ..i64::from(LOAD_CONST_SMALL_INT_MULTI_NUM) - LOAD_CONST_SMALL_INT_MULTI_EXCESS)
            .contains(&v)
        {
            #[allow(clippy::cast_possible_truncation)]
            self.write_byte(1, OpByte::LoadConstSmallInt(v as i8).to_byte());
        } else {
            self.write_byte_int(1, op(Opcode::LOAD_CONST_SMALL_INT), v);
        }
    }

    pub(crate) fn load_const_str(&mut self, common: &mut EmitCommon, q: Qstr) {
        self.write_byte_qstr(common, 1, op(Opcode::LOAD_CONST_STRING), q);
    }

    pub(crate) fn load_const_obj(&mut self, common: &mut EmitCommon, value: &ConstValue) {
        let i = common.use_const(value);
        self.write_byte_uint(1, op(Opcode::LOAD_CONST_OBJ), u64::from(i));
    }

    pub(crate) fn load_null(&mut self) {
        self.write_byte(1, op(Opcode::LOAD_NULL));
    }

    pub(crate) fn load_fast(&mut self, local: u16) {
        if local < u16::from(FAST_MULTI_NUM) {
            #[allow(clippy::cast_possible_truncation)]
            self.write_byte(1, OpByte::LoadFast(local as u8).to_byte());
        } else {
            self.write_byte_uint(1, op(Opcode::LOAD_FAST_N), u64::from(local));
        }
    }

    pub(crate) fn load_deref(&mut self, local: u16) {
        self.write_byte_uint(1, op(Opcode::LOAD_DEREF), u64::from(local));
    }

    pub(crate) fn load_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        let o = if global {
            Opcode::LOAD_GLOBAL
        } else {
            Opcode::LOAD_NAME
        };
        self.write_byte_qstr(common, 1, op(o), q);
    }

    pub(crate) fn store_fast(&mut self, local: u16) {
        if local < u16::from(FAST_MULTI_NUM) {
            #[allow(clippy::cast_possible_truncation)]
            self.write_byte(-1, OpByte::StoreFast(local as u8).to_byte());
        } else {
            self.write_byte_uint(-1, op(Opcode::STORE_FAST_N), u64::from(local));
        }
    }

    pub(crate) fn store_deref(&mut self, local: u16) {
        self.write_byte_uint(-1, op(Opcode::STORE_DEREF), u64::from(local));
    }

    pub(crate) fn store_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        let o = if global {
            Opcode::STORE_GLOBAL
        } else {
            Opcode::STORE_NAME
        };
        self.write_byte_qstr(common, -1, op(o), q);
    }

    pub(crate) fn delete_local(&mut self, local: u16, deref: bool) {
        let o = if deref {
            Opcode::DELETE_DEREF
        } else {
            Opcode::DELETE_FAST
        };
        self.write_byte_uint(0, op(o), u64::from(local));
    }

    pub(crate) fn delete_name(&mut self, common: &mut EmitCommon, q: Qstr, global: bool) {
        let o = if global {
            Opcode::DELETE_GLOBAL
        } else {
            Opcode::DELETE_NAME
        };
        self.write_byte_qstr(common, 0, op(o), q);
    }

    pub(crate) fn load_method(&mut self, common: &mut EmitCommon, q: Qstr, is_super: bool) {
        if is_super {
            self.write_byte_qstr(common, -1, op(Opcode::LOAD_SUPER_METHOD), q);
        } else {
            self.write_byte_qstr(common, 1, op(Opcode::LOAD_METHOD), q);
        }
    }

    pub(crate) fn load_build_class(&mut self) {
        self.write_byte(1, op(Opcode::LOAD_BUILD_CLASS));
    }

    pub(crate) fn subscr(&mut self, kind: AccessKind) {
        match kind {
            AccessKind::Load => self.write_byte(-1, op(Opcode::LOAD_SUBSCR)),
            AccessKind::Store => self.write_byte(-3, op(Opcode::STORE_SUBSCR)),
            AccessKind::Delete => {
                self.load_null();
                self.rot_three();
                self.write_byte(-3, op(Opcode::STORE_SUBSCR));
            }
        }
    }

    pub(crate) fn attr(&mut self, common: &mut EmitCommon, q: Qstr, kind: AccessKind) {
        match kind {
            AccessKind::Load => self.write_byte_qstr(common, 0, op(Opcode::LOAD_ATTR), q),
            AccessKind::Store => self.write_byte_qstr(common, -2, op(Opcode::STORE_ATTR), q),
            AccessKind::Delete => {
                self.load_null();
                self.rot_two();
                self.write_byte_qstr(common, -2, op(Opcode::STORE_ATTR), q);
            }
        }
    }

    pub(crate) fn dup_top(&mut self) {
        self.write_byte(1, op(Opcode::DUP_TOP));
    }

    pub(crate) fn dup_top_two(&mut self) {
        self.write_byte(2, op(Opcode::DUP_TOP_TWO));
    }

    pub(crate) fn pop_top(&mut self) {
        self.write_byte(-1, op(Opcode::POP_TOP));
    }

    pub(crate) fn rot_two(&mut self) {
        self.write_byte(0, op(Opcode::ROT_TWO));
    }

    pub(crate) fn rot_three(&mut self) {
        self.write_byte(0, op(Opcode::ROT_THREE));
    }

    pub(crate) fn jump(&mut self, label: u32) {
        self.write_byte_label(0, op(Opcode::JUMP), label);
        self.suppress = true;
    }

    pub(crate) fn pop_jump_if(&mut self, cond: bool, label: u32) {
        let o = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.write_byte_label(-1, op(o), label);
    }

    pub(crate) fn jump_if_or_pop(&mut self, cond: bool, label: u32) {
        let o = if cond {
            Opcode::JUMP_IF_TRUE_OR_POP
        } else {
            Opcode::JUMP_IF_FALSE_OR_POP
        };
        self.write_byte_label(-1, op(o), label);
    }

    pub(crate) fn unwind_jump(&mut self, label: u32, except_depth: u32) {
        let target = label & !BREAK_FROM_FOR;
        if except_depth == 0 {
            if label & BREAK_FROM_FOR != 0 {
                for _ in 0..ITER_BUF_NSLOTS {
                    self.write_raw(op(Opcode::POP_TOP));
                }
            }
            self.write_byte_label(0, op(Opcode::JUMP), target);
        } else {
            self.write_byte_label(0, op(Opcode::UNWIND_JUMP), target);
            let flag = if label & BREAK_FROM_FOR != 0 {
                UNWIND_JUMP_FROM_FOR
            } else {
                0
            };
            #[allow(clippy::cast_possible_truncation)]
            self.write_raw(flag | except_depth as u8);
        }
        self.suppress = true;
    }

    pub(crate) fn setup_block(&mut self, label: u32, kind: SetupBlock) {
        let (adj, o) = match kind {
            SetupBlock::With => (2, Opcode::SETUP_WITH),
            SetupBlock::Except => (0, Opcode::SETUP_EXCEPT),
            SetupBlock::Finally => (0, Opcode::SETUP_FINALLY),
        };
        self.write_byte_label(adj, op(o), label);
    }

    pub(crate) fn with_cleanup(&mut self, label: u32) {
        self.load_const_none();
        self.label_assign(label);
        self.write_byte(2, op(Opcode::WITH_CLEANUP));
        self.adjust_stack_size(-4);
    }

    pub(crate) fn async_with_setup_finally(
        &mut self,
        common: &mut EmitCommon,
        base_exception: Qstr,
        label_aexit_no_exc: u32,
        label_finally_block: u32,
        label_ret_unwind_jump: u32,
    ) {
        self.load_const_none();
        self.rot_two();
        self.jump(label_aexit_no_exc);
        self.label_assign(label_finally_block);
        self.dup_top();
        self.load_name(common, base_exception, true);
        self.binary_op(BinOp::Op(BinaryOp::EXCEPTION_MATCH));
        self.pop_jump_if(false, label_ret_unwind_jump);
    }

    pub(crate) fn end_finally(&mut self) {
        self.write_byte(-1, op(Opcode::END_FINALLY));
    }

    pub(crate) fn get_iter(&mut self, use_stack: bool) {
        if use_stack {
            self.write_byte(ITER_BUF_NSLOTS - 1, op(Opcode::GET_ITER_STACK));
        } else {
            self.write_byte(0, op(Opcode::GET_ITER));
        }
    }

    pub(crate) fn for_iter(&mut self, label: u32) {
        self.write_byte_label(1, op(Opcode::FOR_ITER), label);
    }

    pub(crate) fn for_iter_end(&mut self) {
        self.adjust_stack_size(-ITER_BUF_NSLOTS);
    }

    pub(crate) fn pop_except_jump(&mut self, label: u32) {
        self.write_byte_label(0, op(Opcode::POP_EXCEPT_JUMP), label);
        self.suppress = true;
    }

    pub(crate) fn unary_op(&mut self, o: UnaryOp) {
        self.write_byte(0, OpByte::UnaryOp(o).to_byte());
    }

    pub(crate) fn binary_op(&mut self, o: BinOp) {
        let (o, invert) = match o {
            BinOp::Op(o) => (o, false),
            BinOp::NotIn => (BinaryOp::IN, true),
            BinOp::IsNot => (BinaryOp::IS, true),
        };
        self.write_byte(-1, OpByte::BinaryOp(o).to_byte());
        if invert {
            self.write_byte(0, OpByte::UnaryOp(UnaryOp::NOT).to_byte());
        }
    }

    pub(crate) fn build(&mut self, n: u32, kind: Build) {
        #[allow(clippy::cast_possible_wrap)]
        let adj = if kind == Build::Map { 1 } else { 1 - n as i32 };
        let o = match kind {
            Build::Tuple => Opcode::BUILD_TUPLE,
            Build::List => Opcode::BUILD_LIST,
            Build::Map => Opcode::BUILD_MAP,
            Build::Set => Opcode::BUILD_SET,
            Build::Slice => Opcode::BUILD_SLICE,
        };
        self.write_byte_uint(adj, op(o), u64::from(n));
    }

    pub(crate) fn store_map(&mut self) {
        self.write_byte(-2, op(Opcode::STORE_MAP));
    }

    pub(crate) fn store_comp(&mut self, kind: ScopeKind, collection_stack_index: u32) {
        let (n, t) = match kind {
            ScopeKind::ListComp => (0, STORE_COMP_LIST),
            ScopeKind::DictComp => (1, STORE_COMP_DICT),
            _ => (0, STORE_COMP_SET),
        };
        #[allow(clippy::cast_possible_wrap)]
        self.write_byte_uint(
            -1 - n as i32,
            op(Opcode::STORE_COMP),
            u64::from(((collection_stack_index + n) << 2) | t),
        );
    }

    pub(crate) fn unpack_sequence(&mut self, n: u32) {
        #[allow(clippy::cast_possible_wrap)]
        self.write_byte_uint(-1 + n as i32, op(Opcode::UNPACK_SEQUENCE), u64::from(n));
    }

    pub(crate) fn unpack_ex(&mut self, n_left: u32, n_right: u32) {
        #[allow(clippy::cast_possible_wrap)]
        self.write_byte_uint(
            -1 + n_left as i32 + n_right as i32 + 1,
            op(Opcode::UNPACK_EX),
            u64::from(n_left | (n_right << 8)),
        );
    }

    pub(crate) fn make_function(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.write_byte_child(common, 1, op(Opcode::MAKE_FUNCTION), child);
        } else {
            self.write_byte_child(common, -1, op(Opcode::MAKE_FUNCTION_DEFARGS), child);
        }
    }

    pub(crate) fn make_closure(
        &mut self,
        common: &mut EmitCommon,
        child: ScopeId,
        n_closed_over: u32,
        n_pos_defaults: u32,
        n_kw_defaults: u32,
    ) {
        #[allow(clippy::cast_possible_wrap)]
        let n = n_closed_over as i32;
        if n_pos_defaults == 0 && n_kw_defaults == 0 {
            self.write_byte_child(common, -n + 1, op(Opcode::MAKE_CLOSURE), child);
        } else {
            self.write_byte_child(common, -2 - n + 1, op(Opcode::MAKE_CLOSURE_DEFARGS), child);
        }
        #[allow(clippy::cast_possible_truncation)]
        self.write_raw(n_closed_over as u8);
    }

    fn call_helper(&mut self, mut adj: i32, method: bool, n_pos: u32, n_kw: u32, star_flags: u32) {
        #[allow(clippy::cast_possible_wrap)]
        let (p, k) = (n_pos as i32, n_kw as i32);
        let o = if star_flags != 0 {
            adj -= p + 2 * k + 1;
            if method {
                Opcode::CALL_METHOD_VAR_KW
            } else {
                Opcode::CALL_FUNCTION_VAR_KW
            }
        } else {
            adj -= p + 2 * k;
            if method {
                Opcode::CALL_METHOD
            } else {
                Opcode::CALL_FUNCTION
            }
        };
        self.write_byte_uint(adj, op(o), u64::from((n_kw << 8) | n_pos));
    }

    pub(crate) fn call_function(&mut self, n_pos: u32, n_kw: u32, star_flags: u32) {
        self.call_helper(0, false, n_pos, n_kw, star_flags);
    }

    pub(crate) fn call_method(&mut self, n_pos: u32, n_kw: u32, star_flags: u32) {
        self.call_helper(-1, true, n_pos, n_kw, star_flags);
    }

    pub(crate) fn return_value(&mut self) {
        self.write_byte(-1, op(Opcode::RETURN_VALUE));
        self.suppress = true;
    }

    pub(crate) fn raise_varargs(&mut self, n_args: u32) {
        let o = match n_args {
            0 => Opcode::RAISE_LAST,
            1 => Opcode::RAISE_OBJ,
            _ => Opcode::RAISE_FROM,
        };
        #[allow(clippy::cast_possible_wrap)]
        self.write_byte(-(n_args as i32), op(o));
        self.suppress = true;
    }

    /// YIELD_VALUE (`from == false`) or YIELD_FROM. The caller marks the scope a generator.
    pub(crate) fn yield_(&mut self, from: bool) {
        if from {
            self.write_byte(-1, op(Opcode::YIELD_FROM));
        } else {
            self.write_byte(0, op(Opcode::YIELD_VALUE));
        }
    }

    pub(crate) fn start_except_handler(&mut self) {
        self.adjust_stack_size(4);
    }

    pub(crate) fn end_except_handler(&mut self) {
        self.adjust_stack_size(-3);
    }
}
