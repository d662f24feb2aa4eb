//! The file-wide qstr and constant-object tables (after py/emitcommon.c).
//!
//! Indices are handed out on first use, across all scopes and passes, which is what makes
//! the table order of a `.mpy` file what it is (REFERENCE §1.2).

use std::collections::HashMap;

use crate::qstr::Qstr;
use crate::scope::ScopeId;
use crate::value::ConstValue;

use super::Pass;

/// `mp_emit_common_t`.
#[derive(Debug)]
pub(crate) struct EmitCommon {
    pub pass: Pass,
    qstr_index: HashMap<Qstr, u32>,
    /// The qstr table in index order; entry 0 is the source name.
    pub qstrs: Vec<Qstr>,
    /// The constant-object table in index order.
    pub consts: Vec<ConstValue>,
    const_index: HashMap<ConstKey, u32>,
    /// Children of the scope being emitted, in `MAKE_FUNCTION`/`MAKE_CLOSURE` order (EMIT pass).
    pub children: Vec<ScopeId>,
    /// `ct_cur_child`.
    pub cur_child: u32,
}

impl EmitCommon {
    /// `mp_emit_common_init`: qstr 0 is the source file name.
    pub(crate) fn new(source_file: Qstr) -> Self {
        let mut common = Self {
            pass: Pass::Scope,
            qstr_index: HashMap::new(),
            qstrs: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            children: Vec::new(),
            cur_child: 0,
        };
        common.use_qstr(source_file);
        common
    }

    /// `mp_emit_common_start_pass`.
    pub(crate) fn start_pass(&mut self, pass: Pass) {
        self.pass = pass;
        self.children.clear();
        self.cur_child = 0;
    }

    /// `mp_emit_common_use_qstr`: the table index of `q`, allocating the next one if new.
    pub(crate) fn use_qstr(&mut self, q: Qstr) -> u32 {
        if let Some(&i) = self.qstr_index.get(&q) {
            return i;
        }
        let i = u32::try_from(self.qstrs.len()).unwrap_or(u32::MAX);
        self.qstr_index.insert(q, i);
        self.qstrs.push(q);
        i
    }

    /// `mp_emit_common_use_const_obj`: the table index of `value`, deduplicated by strict
    /// equality (hashed; [`ConstKey`] equality is exactly `ConstValue::strictly_equal`).
    pub(crate) fn use_const(&mut self, value: &ConstValue) -> u32 {
        let key = ConstKey::of(value);
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        let i = u32::try_from(self.consts.len()).unwrap_or(u32::MAX);
        self.consts.push(value.clone());
        self.const_index.insert(key, i);
        i
    }

    /// `mp_emit_common_alloc_const_child`.
    pub(crate) fn alloc_child(&mut self, child: ScopeId) -> u32 {
        if self.pass == Pass::Emit {
            self.children.push(child);
        }
        let i = self.cur_child;
        self.cur_child += 1;
        i
    }
}

/// A hashable stand-in for a constant: equal keys exactly when the values are strictly equal
/// (floats compare by bits, which separates `0.0` from `-0.0` and keeps NaNs apart by payload).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    False,
    True,
    Ellipsis,
    Int(num_bigint::BigInt),
    Float(u64),
    Complex(u64),
    Str(Vec<u8>),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FunTable,
}

impl ConstKey {
    fn of(value: &ConstValue) -> Self {
        match value {
            ConstValue::None => Self::None,
            ConstValue::False => Self::False,
            ConstValue::True => Self::True,
            ConstValue::Ellipsis => Self::Ellipsis,
            ConstValue::Int(i) => Self::Int(i.clone()),
            ConstValue::Float(f) => Self::Float(f.to_bits()),
            ConstValue::Complex(f) => Self::Complex(f.to_bits()),
            ConstValue::Str(b) => Self::Str(b.clone()),
            ConstValue::Bytes(b) => Self::Bytes(b.clone()),
            ConstValue::Tuple(items) => Self::Tuple(items.iter().map(Self::of).collect()),
            ConstValue::FunTable => Self::FunTable,
        }
    }
}
