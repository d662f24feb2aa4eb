//! Saving a compiled module as `.mpy` v6.3 (after `mp_raw_code_save` in py/persistentcode.c),
//! through the shared `mpy_format` model and writer.

use mpy_format::arch::Arch;
use mpy_format::float_repr::{format_complex_imag_repr, format_float_repr};
use mpy_format::model::{Constant, Header, MpyFile, QstrEntry, RawCode as ModelRawCode};
use mpy_format::static_qstr::static_qstr_number;

use crate::compile::{CompiledModule, RawCode};
use crate::qstr::{Qstr, QstrPool};
use crate::value::ConstValue;

/// `save_qstr`: static qstrs (`<= QSTR_LAST_STATIC`) by number, others inline.
fn qstr_entry(pool: &QstrPool, q: Qstr) -> QstrEntry {
    let bytes = pool.bytes(q);
    match core::str::from_utf8(bytes)
        .ok()
        .and_then(static_qstr_number)
    {
        Some(n) => QstrEntry::Static(n),
        None => QstrEntry::Inline(bytes.to_vec()),
    }
}

/// `save_obj`.
fn constant(value: &ConstValue) -> Constant {
    match value {
        ConstValue::None => Constant::None,
        ConstValue::False => Constant::False,
        ConstValue::True => Constant::True,
        ConstValue::Ellipsis => Constant::Ellipsis,
        ConstValue::Str(b) => Constant::Str(b.clone()),
        ConstValue::Bytes(b) => Constant::Bytes(b.clone()),
        ConstValue::Int(i) => Constant::Int(i.to_string()),
        ConstValue::Float(f) => Constant::Float(format_float_repr(*f)),
        ConstValue::Complex(f) => Constant::Complex(format!("{}j", format_complex_imag_repr(*f))),
        ConstValue::Tuple(items) => Constant::Tuple(items.iter().map(constant).collect()),
        ConstValue::FunTable => Constant::FunTable,
    }
}

/// The raw-code tree rooted at scope `index` (children in MAKE_FUNCTION order).
fn raw_code(codes: &[RawCode], index: usize, depth: u32) -> ModelRawCode {
    let Some(rc) = codes.get(index) else {
        return ModelRawCode::bytecode(Vec::new(), Vec::new());
    };
    let children = if depth < 10_000 {
        rc.children
            .iter()
            .map(|c| raw_code(codes, c.index(), depth + 1))
            .collect()
    } else {
        Vec::new()
    };
    match rc.native {
        None => ModelRawCode::bytecode(rc.fun_data.clone(), children),
        Some(crate::emit::native::NativeKind::Python { prelude_offset }) => {
            ModelRawCode::native_py(rc.fun_data.clone(), u64::from(prelude_offset), children)
        }
        Some(crate::emit::native::NativeKind::Viper) => {
            ModelRawCode::viper(rc.fun_data.clone(), 0, children)
        }
        Some(crate::emit::native::NativeKind::Asm {
            n_pos_args,
            type_sig,
        }) => ModelRawCode::asm(
            rc.fun_data.clone(),
            u64::from(n_pos_args),
            u64::from(type_sig),
        ),
    }
}

/// `mp_raw_code_save` for a bytecode-only module (header byte 2 is 0 unless rv32 arch flags are set).
pub(crate) fn save(
    module: &CompiledModule,
    pool: &QstrPool,
    small_int_bits: u8,
    arch_flags: Option<u32>,
    native_arch: Option<Arch>,
) -> Vec<u8> {
    let file = MpyFile {
        header: Header::new(
            native_arch.unwrap_or(Arch::None),
            arch_flags,
            small_int_bits,
        ),
        qstrs: module.qstrs.iter().map(|q| qstr_entry(pool, *q)).collect(),
        constants: module.consts.iter().map(constant).collect(),
        root: raw_code(&module.raw_codes, 0, 0),
    };
    let mut out = Vec::new();
    file.encode(&mut out);
    out
}
