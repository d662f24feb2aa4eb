//! Saving a compiled module as `.mpy` v6.3 bytes (after `mp_raw_code_save` in py/persistentcode.c).

use mpy_format::static_qstr::static_qstr_number;

use crate::compile::{CompiledModule, RawCode};
use crate::emit::bytecode::encode_uint;
use crate::qstr::{Qstr, QstrPool};
use crate::value::ConstValue;

/// `MPY_VERSION`.
const MPY_VERSION: u8 = 6;
/// `MPY_FEATURE_ARCH_FLAGS`.
const FEATURE_ARCH_FLAGS: u8 = 0x40;

/// Object type bytes (`MP_PERSISTENT_OBJ_*`).
mod obj {
    pub const NONE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const TRUE: u8 = 3;
    pub const ELLIPSIS: u8 = 4;
    pub const STR: u8 = 5;
    pub const BYTES: u8 = 6;
    pub const INT: u8 = 7;
    pub const FLOAT: u8 = 8;
    pub const COMPLEX: u8 = 9;
    pub const TUPLE: u8 = 10;
}

fn save_qstr(out: &mut Vec<u8>, pool: &QstrPool, q: Qstr) {
    let bytes = pool.bytes(q);
    if let Some(n) = core::str::from_utf8(bytes)
        .ok()
        .and_then(static_qstr_number)
    {
        encode_uint(out, u64::from(n) << 1 | 1);
    } else {
        encode_uint(out, (bytes.len() as u64) << 1);
        out.extend_from_slice(bytes);
        out.push(0);
    }
}

fn save_text(out: &mut Vec<u8>, kind: u8, text: &str) {
    out.push(kind);
    encode_uint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn save_obj(out: &mut Vec<u8>, value: &ConstValue) {
    match value {
        ConstValue::None => out.push(obj::NONE),
        ConstValue::False => out.push(obj::FALSE),
        ConstValue::True => out.push(obj::TRUE),
        ConstValue::Ellipsis => out.push(obj::ELLIPSIS),
        ConstValue::Str(b) | ConstValue::Bytes(b) => {
            out.push(if matches!(value, ConstValue::Str(_)) {
                obj::STR
            } else {
                obj::BYTES
            });
            encode_uint(out, b.len() as u64);
            out.extend_from_slice(b);
            out.push(0);
        }
        ConstValue::Int(i) => save_text(out, obj::INT, &i.to_string()),
        ConstValue::Float(f) => save_text(out, obj::FLOAT, &float_repr(*f, true)),
        ConstValue::Complex(f) => {
            save_text(out, obj::COMPLEX, &format!("{}j", float_repr(*f, false)))
        }
        ConstValue::Tuple(items) => {
            out.push(obj::TUPLE);
            encode_uint(out, items.len() as u64);
            for item in items {
                save_obj(out, item);
            }
        }
    }
}

/// `%.{prec}g`-style text of a finite non-negative `f`.
fn format_g(f: f64, prec: usize, always_decimal: bool) -> String {
    let sci = format!("{:.*e}", prec - 1, f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
    let p = prec as i32;
    let trim = |s: &str| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        } else {
            s.to_owned()
        }
    };
    if exp < -4 || exp >= p {
        let m = trim(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.abs())
    } else {
        #[allow(clippy::cast_sign_loss)]
        let decimals = (p - 1 - exp).max(0) as usize;
        let mut s = trim(&format!("{f:.decimals$}"));
        if always_decimal && !s.contains('.') {
            s.push_str(".0");
        }
        s
    }
}

/// The reference's float repr (`mp_format_float` 'g' with 16..19 significant digits).
fn float_repr(f: f64, always_decimal: bool) -> String {
    if f.is_nan() {
        return "nan".to_owned();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let a = f.abs();
    let mut text = format_g(a, 16, always_decimal);
    for prec in 16..=19 {
        text = format_g(a, prec, always_decimal);
        #[allow(clippy::float_cmp)]
        if text.parse::<f64>().is_ok_and(|v| v == a) {
            break;
        }
    }
    format!("{sign}{text}")
}

fn save_raw_code(out: &mut Vec<u8>, codes: &[RawCode], index: usize, depth: u32) {
    let Some(rc) = codes.get(index) else { return };
    let has_children = u64::from(!rc.children.is_empty());
    encode_uint(out, (rc.fun_data.len() as u64) << 3 | has_children << 2);
    out.extend_from_slice(&rc.fun_data);
    if !rc.children.is_empty() && depth < 10_000 {
        encode_uint(out, rc.children.len() as u64);
        for child in &rc.children {
            save_raw_code(out, codes, child.index(), depth + 1);
        }
    }
}

/// `mp_raw_code_save` for a bytecode-only module.
pub(crate) fn save(
    module: &CompiledModule,
    pool: &QstrPool,
    small_int_bits: u8,
    arch_flags: Option<u32>,
) -> Vec<u8> {
    let mut out = vec![
        b'M',
        MPY_VERSION,
        if arch_flags.is_some() {
            FEATURE_ARCH_FLAGS
        } else {
            0
        },
        small_int_bits,
    ];
    if let Some(flags) = arch_flags {
        encode_uint(&mut out, u64::from(flags));
    }
    encode_uint(&mut out, module.qstrs.len() as u64);
    encode_uint(&mut out, module.consts.len() as u64);
    for q in &module.qstrs {
        save_qstr(&mut out, pool, *q);
    }
    for c in &module.consts {
        save_obj(&mut out, c);
    }
    save_raw_code(&mut out, &module.raw_codes, 0, 0);
    out
}
