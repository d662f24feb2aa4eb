//! `frozen_content.c` for MicroPython firmware (after tools/mpy-tool.py `freeze_mpy` and
//! tools/makemanifest.py `generate_frozen_str_content`).
//!
//! The text is meant to be the reference tool's, line for line, for the same `.mpy` inputs and
//! the same qstr header: the qstr pool extension sorted by string with its hashes, one
//! `fun_data_*` array per function (bytecode annotated with its opcodes, machine code in
//! `.text` with the architecture's alignment), the `proto_fun_*` raw-code structs, the constant
//! objects and tables, and `mp_frozen_names` / `mp_frozen_mpy_content`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use mpy_format::{Arch, Constant, MpyFile, QstrEntry, RawCode, RawCodeKind};

use crate::error::{Error, Result};
use crate::qstr::{compute_hash, escape_bytes, format_g, python_repr, qstr_escape, QstrConfig};

/// Strings shorter than this many characters become qstrs when frozen (`PERSISTENT_STR_INTERN_THRESHOLD`).
const STR_INTERN_THRESHOLD: usize = 25;

/// The target's long-int implementation (`-mlongint-impl`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LongIntImpl {
    /// `MICROPY_LONGINT_IMPL_NONE`: ints beyond small ints cannot be frozen.
    None,
    /// `MICROPY_LONGINT_IMPL_LONGLONG`.
    LongLong,
    /// `MICROPY_LONGINT_IMPL_MPZ` (the default).
    #[default]
    Mpz,
}

impl LongIntImpl {
    const fn number(self) -> u32 {
        match self {
            Self::None => 0,
            Self::LongLong => 1,
            Self::Mpz => 2,
        }
    }
}

/// What the C output is generated for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CConfig {
    /// The firmware's qstrs and qstr configuration.
    pub qstr: QstrConfig,
    /// `-mlongint-impl`.
    pub longint_impl: LongIntImpl,
    /// `-mmpz-dig-size` (default 16).
    pub mpz_dig_size: u32,
}

impl Default for CConfig {
    fn default() -> Self {
        Self {
            qstr: QstrConfig::default(),
            longint_impl: LongIntImpl::Mpz,
            mpz_dig_size: 16,
        }
    }
}

/// One `.mpy` to freeze.
#[derive(Clone, Copy, Debug)]
pub struct CModule<'a> {
    /// The `.mpy` path as the reference tool would have been given it (printed in a comment and
    /// used in errors).
    pub mpy_path: &'a str,
    /// The decoded file.
    pub mpy: &'a MpyFile,
}

/// A file frozen as text (`freeze_as_str`).
#[derive(Clone, Debug)]
pub struct StrModule {
    /// Name on the device (`pkg/mod.py`).
    pub target_path: String,
    /// The file's bytes.
    pub content: Vec<u8>,
}

/// Byte counts mpy-tool prints at the end of its output (the "byte sizes" comment).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Stats {
    qstr_content: usize,
    bc_content: usize,
    const_str_content: usize,
    const_int_content: usize,
    const_obj_content: usize,
    const_table_ptr_content: usize,
    raw_code_count: usize,
}

/// The mpy-tool opcode name of `byte` (multi-opcodes with their argument).
fn opcode_name(byte: u8) -> String {
    const UNARY: [&str; 4] = ["__pos__", "__neg__", "__invert__", "<not>"];
    const BINARY: [&str; 35] = [
        "__lt__",
        "__gt__",
        "__eq__",
        "__le__",
        "__ge__",
        "__ne__",
        "<in>",
        "<is>",
        "<exception match>",
        "__ior__",
        "__ixor__",
        "__iand__",
        "__ilshift__",
        "__irshift__",
        "__iadd__",
        "__isub__",
        "__imul__",
        "__imatmul__",
        "__ifloordiv__",
        "__itruediv__",
        "__imod__",
        "__ipow__",
        "__or__",
        "__xor__",
        "__and__",
        "__lshift__",
        "__rshift__",
        "__add__",
        "__sub__",
        "__mul__",
        "__matmul__",
        "__floordiv__",
        "__truediv__",
        "__mod__",
        "__pow__",
    ];
    match byte {
        0x70..=0xaf => format!("LOAD_CONST_SMALL_INT {}", i32::from(byte) - 0x70 - 16),
        0xb0..=0xbf => format!("LOAD_FAST {}", byte - 0xb0),
        0xc0..=0xcf => format!("STORE_FAST {}", byte - 0xc0),
        0xd0..=0xd3 => format!(
            "UNARY_OP {} {}",
            byte - 0xd0,
            UNARY[usize::from(byte - 0xd0)]
        ),
        0xd7..=0xf9 => format!(
            "BINARY_OP {} {}",
            byte - 0xd7,
            BINARY[usize::from(byte - 0xd7)]
        ),
        _ => mpy_format::opcode::Opcode::from_byte(byte)
            .map_or_else(|| "unknown".into(), |op| op.info().name.to_string()),
    }
}

const FORMAT_QSTR: u32 = 1;
const FORMAT_VAR_UINT: u32 = 2;
const FORMAT_OFFSET: u32 = 3;

/// `mp_opcode_decode` of mpy-tool: (format, size, argument).
fn decode_opcode(code: &[u8], ip: usize) -> Option<(u32, usize, Option<i64>)> {
    let opcode = *code.get(ip)?;
    let format = (0x0000_03A4u32 >> (2 * u32::from(opcode >> 4))) & 3;
    let mut pos = ip + 1;
    let mut arg = None;
    if format == FORMAT_QSTR || format == FORMAT_VAR_UINT {
        let mut b = *code.get(pos)?;
        let mut value = i64::from(b & 0x7f);
        if opcode == 0x22 && value & 0x40 != 0 {
            value |= -1 << 7;
        }
        while b & 0x80 != 0 {
            pos += 1;
            b = *code.get(pos)?;
            value = value.checked_mul(128)? | i64::from(b & 0x7f);
        }
        pos += 1;
        arg = Some(value);
    } else if format == FORMAT_OFFSET {
        let signed = matches!(opcode, 0x40 | 0x42 | 0x43 | 0x44);
        let b = *code.get(pos)?;
        if b & 0x80 == 0 {
            pos += 1;
            arg = Some(i64::from(b) - if signed { 0x40 } else { 0 });
        } else {
            let b2 = *code.get(pos + 1)?;
            pos += 2;
            arg =
                Some((i64::from(b & 0x7f) | i64::from(b2) << 7) - if signed { 0x4000 } else { 0 });
        }
    }
    if opcode & 0x9e == 0 {
        code.get(pos)?;
        pos += 1;
    }
    Some((format, pos - ip, arg))
}

/// The prelude as mpy-tool decodes it (`extract_prelude`).
struct ToolPrelude {
    signature: [u64; 6],
    offset_source_info: usize,
    offset_line_info: usize,
    offset_closure_info: usize,
    offset_opcodes: usize,
    names: Vec<usize>,
}

fn extract_prelude(data: &[u8], start: usize) -> Option<ToolPrelude> {
    let mut ip = start;
    let next = |ip: &mut usize| {
        let b = *data.get(*ip)?;
        *ip += 1;
        Some(u64::from(b))
    };
    let mut z = next(&mut ip)?;
    let (mut s, mut e, mut f, mut a, mut k, mut d) =
        ((z >> 3) & 0xf, (z >> 2) & 1, 0u64, z & 3, 0u64, 0u64);
    let mut n = 0u32;
    while z & 0x80 != 0 {
        z = next(&mut ip)?;
        if n > 20 {
            return None;
        }
        s |= (z & 0x30) << (2 * n);
        e |= (z & 0x02) << n;
        f |= ((z & 0x40) >> 6) << n;
        a |= (z & 0x4) << n;
        k |= ((z & 0x08) >> 3) << n;
        d |= (z & 1) << n;
        n += 1;
    }
    s += 1;
    let (mut n_info, mut n_cell, mut n) = (0u64, 0u64, 0u32);
    loop {
        let z = next(&mut ip)?;
        if n > 9 {
            return None;
        }
        n_info |= ((z & 0x7e) >> 1) << (6 * n);
        n_cell |= (z & 1) << n;
        if z & 0x80 == 0 {
            break;
        }
        n += 1;
    }
    let offset_source_info = ip;
    let mut names = Vec::new();
    for _ in 0..=(a + k) {
        let mut value = 0u64;
        loop {
            let b = *data.get(ip)?;
            ip += 1;
            value = value.checked_mul(128)? | u64::from(b & 0x7f);
            if b & 0x80 == 0 {
                break;
            }
        }
        names.push(usize::try_from(value).ok()?);
    }
    let offset_closure_info = offset_source_info.checked_add(usize::try_from(n_info).ok()?)?;
    let offset_opcodes = offset_closure_info.checked_add(usize::try_from(n_cell).ok()?)?;
    if offset_opcodes > data.len() {
        return None;
    }
    Some(ToolPrelude {
        signature: [s, e, f, a, k, d],
        offset_source_info,
        offset_line_info: ip,
        offset_closure_info,
        offset_opcodes,
        names,
    })
}

/// The whole-run state of the reference tool: global qstrs, unique names, counters, output.
struct Freezer<'c> {
    config: &'c CConfig,
    /// Every qstr string seen, in the reference's order (static ones first).
    global_qstrs: Vec<String>,
    global_qstr_set: HashSet<String>,
    escaped_names: HashSet<String>,
    native_arch: Option<Arch>,
    stats: Stats,
    out: String,
}

/// One decoded module.
struct Module<'a> {
    mpy_path: &'a str,
    mpy: &'a MpyFile,
    qstrs: Vec<String>,
    objects: Vec<Obj>,
    escaped_name: String,
    root: Rc<'a>,
}

/// A constant as the reference tool holds it after reading.
#[derive(Clone, Debug)]
enum Obj {
    FunTable,
    None,
    False,
    True,
    Ellipsis,
    Str(String),
    Bytes(Vec<u8>),
    /// Normalised decimal text.
    Int(String),
    Float(f64),
    Complex(f64, f64),
    Tuple(Vec<Obj>),
}

struct Rc<'a> {
    rc: &'a RawCode,
    escaped_name: String,
    prelude: Option<ToolPrelude>,
    scope_flags: u64,
    children: Vec<Rc<'a>>,
}

macro_rules! out {
    ($f:expr, $($arg:tt)*) => {{ let _ = writeln!($f.out, $($arg)*); }};
}

fn utf8(bytes: &[u8], path: &str, what: &str) -> Result<String> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| Error::at(path, format!("{what} is not valid UTF-8")))
}

fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    match t.to_ascii_lowercase().as_str() {
        "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => t.parse().ok(),
    }
}

/// Decimal text → (negative, magnitude as little-endian `u32` limbs).
fn parse_bigint(text: &str) -> Option<(bool, Vec<u32>)> {
    let t = text.trim();
    let (neg, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return None;
    }
    let mut limbs: Vec<u32> = Vec::new();
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        let mut carry = u64::from(b - b'0');
        for limb in &mut limbs {
            let v = u64::from(*limb) * 10 + carry;
            #[allow(clippy::cast_possible_truncation)]
            {
                *limb = v as u32;
            }
            carry = v >> 32;
        }
        if carry != 0 {
            #[allow(clippy::cast_possible_truncation)]
            limbs.push(carry as u32);
        }
    }
    while limbs.last() == Some(&0) {
        limbs.pop();
    }
    Some((neg && !limbs.is_empty(), limbs))
}

/// Split a magnitude into `bits`-bit digits, least significant first.
fn to_digits(limbs: &[u32], bits: u32) -> Vec<u64> {
    let total_bits = limbs.len() * 32;
    let mut digits = Vec::new();
    let mut at = 0usize;
    let bits = bits.clamp(1, 32) as usize;
    while at < total_bits {
        let mut d = 0u64;
        for i in 0..bits {
            let bit = at + i;
            if bit < total_bits && limbs[bit / 32] >> (bit % 32) & 1 == 1 {
                d |= 1 << i;
            }
        }
        digits.push(d);
        at += bits;
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    digits
}

impl<'c> Freezer<'c> {
    fn new(config: &'c CConfig) -> Self {
        let statics: Vec<String> = (1..=mpy_format::static_qstr::LAST_STATIC_QSTR)
            .filter_map(mpy_format::static_qstr::static_qstr)
            .map(str::to_string)
            .collect();
        Self {
            config,
            global_qstr_set: statics.iter().cloned().collect(),
            global_qstrs: statics,
            escaped_names: HashSet::new(),
            native_arch: None,
            stats: Stats::default(),
            out: String::new(),
        }
    }

    fn add_global_qstr(&mut self, s: &str) {
        self.global_qstrs.push(s.to_string());
        self.global_qstr_set.insert(s.to_string());
    }

    /// `read_mpy`: register qstrs and constants, name every raw code.
    fn read<'a>(&mut self, input: &CModule<'a>) -> Result<Module<'a>> {
        let path = input.mpy_path;
        let mpy = input.mpy;
        let arch = mpy.header.arch;
        if arch != Arch::None {
            if mpy.header.sub_version != mpy_format::model::MPY_SUB_VERSION {
                return Err(Error::at(path, "incompatible .mpy sub-version"));
            }
            match self.native_arch {
                None => self.native_arch = Some(arch),
                Some(a) if a != arch => {
                    return Err(Error::at(path, "native architecture mismatch"))
                }
                Some(_) => {}
            }
        }
        let mut qstrs = Vec::with_capacity(mpy.qstrs.len());
        for q in &mpy.qstrs {
            match q {
                QstrEntry::Static(n) => {
                    let s = mpy_format::static_qstr::static_qstr(*n)
                        .ok_or_else(|| Error::at(path, format!("unknown static qstr {n}")))?;
                    qstrs.push(s.to_string());
                }
                QstrEntry::Inline(bytes) => {
                    let s = utf8(bytes, path, "qstr")?;
                    self.add_global_qstr(&s);
                    qstrs.push(s);
                }
            }
        }
        let objects = mpy
            .constants
            .iter()
            .map(|c| self.read_obj(c, path, 0))
            .collect::<Result<Vec<_>>>()?;
        let Some(module_name) = qstrs.first() else {
            return Err(Error::at(
                path,
                "the .mpy has no qstr table (no source file name)",
            ));
        };
        if !module_name.chars().all(|c| (' '..='\x7f').contains(&c)) {
            return Err(Error::at(
                path,
                "cannot have unicode characters in module name",
            ));
        }
        let stem = match module_name.rsplit_once('.') {
            Some((stem, _)) => stem.replace('.', "_"),
            None => String::new(),
        };
        let escaped_name: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let root = self.read_raw_code(&mpy.root, &escaped_name, &qstrs, path, 0)?;
        Ok(Module {
            mpy_path: path,
            mpy,
            qstrs,
            objects,
            escaped_name,
            root,
        })
    }

    fn read_obj(&mut self, c: &Constant, path: &str, depth: usize) -> Result<Obj> {
        if depth > 64 {
            return Err(Error::at(path, "constant tuples nested too deeply"));
        }
        Ok(match c {
            Constant::FunTable => Obj::FunTable,
            Constant::None => Obj::None,
            Constant::False => Obj::False,
            Constant::True => Obj::True,
            Constant::Ellipsis => Obj::Ellipsis,
            Constant::Str(bytes) => {
                let s = utf8(bytes, path, "str constant")?;
                if s.chars().count() < STR_INTERN_THRESHOLD && !self.global_qstr_set.contains(&s) {
                    self.add_global_qstr(&s);
                }
                Obj::Str(s)
            }
            Constant::Bytes(bytes) => Obj::Bytes(bytes.clone()),
            Constant::Int(text) => {
                let Some((neg, limbs)) = parse_bigint(text) else {
                    return Err(Error::at(path, format!("bad int constant {text:?}")));
                };
                Obj::Int(normalise_int(neg, &limbs))
            }
            Constant::Float(text) => Obj::Float(
                parse_float(text)
                    .ok_or_else(|| Error::at(path, format!("bad float constant {text:?}")))?,
            ),
            Constant::Complex(text) => {
                let imag = text.trim().strip_suffix(['j', 'J']).and_then(parse_float);
                let imag =
                    imag.ok_or_else(|| Error::at(path, format!("bad complex constant {text:?}")))?;
                Obj::Complex(0.0, imag)
            }
            Constant::Tuple(items) => Obj::Tuple(
                items
                    .iter()
                    .map(|i| self.read_obj(i, path, depth + 1))
                    .collect::<Result<Vec<_>>>()?,
            ),
        })
    }

    fn unique_name(&mut self, base: String) -> String {
        let mut name = base.clone();
        let mut i = 2;
        while self.escaped_names.contains(&name) {
            name = format!("{base}{i}");
            i += 1;
        }
        self.escaped_names.insert(name.clone());
        name
    }

    fn read_raw_code<'a>(
        &mut self,
        rc: &'a RawCode,
        parent: &str,
        qstrs: &[String],
        path: &str,
        depth: usize,
    ) -> Result<Rc<'a>> {
        if depth > 64 {
            return Err(Error::at(path, "functions nested too deeply"));
        }
        let (prelude, simple_name, scope_flags) = match rc.kind {
            RawCodeKind::Bytecode | RawCodeKind::NativePy => {
                let start = if rc.kind == RawCodeKind::Bytecode {
                    0
                } else {
                    usize::try_from(rc.prelude_offset).unwrap_or(usize::MAX)
                };
                let prelude = extract_prelude(&rc.fun_data, start)
                    .ok_or_else(|| Error::at(path, "corrupt function prelude"))?;
                let name = prelude
                    .names
                    .first()
                    .and_then(|&i| qstrs.get(i))
                    .ok_or_else(|| Error::at(path, "function name index out of range"))?;
                let flags = prelude.signature[2];
                let name = name.clone();
                (Some(prelude), name, flags)
            }
            RawCodeKind::Viper | RawCodeKind::Asm => (None, qstrs[0].clone(), rc.scope_flags),
        };
        let escaped_name = self.unique_name(format!("{parent}_{}", qstr_escape(&simple_name)));
        let child_parent = if escaped_name.ends_with("_lt_module_gt_") {
            parent.to_string()
        } else {
            escaped_name.clone()
        };
        let children = rc
            .children
            .iter()
            .map(|child| self.read_raw_code(child, &child_parent, qstrs, path, depth + 1))
            .collect::<Result<Vec<_>>>()?;
        Ok(Rc {
            rc,
            escaped_name,
            prelude,
            scope_flags,
            children,
        })
    }

    fn hash_bytes(&self) -> u32 {
        self.config.qstr.bytes_in_hash
    }

    /// `freeze_mpy`: the whole mpy-tool `-f` output.
    fn freeze(&mut self, modules: &[Module<'_>]) -> Result<()> {
        // The qstrs the firmware does not have yet, deduplicated by identifier, sorted by string.
        let mut seen = HashSet::new();
        let mut new: Vec<(String, String)> = Vec::new();
        for q in &self.global_qstrs {
            let ident = qstr_escape(q);
            if self.config.qstr.firmware_idents.contains(&ident) || !seen.insert(ident.clone()) {
                continue;
            }
            new.push((ident, q.clone()));
        }
        new.sort_by(|a, b| a.1.cmp(&b.1));

        out!(self, "#include \"py/mpconfig.h\"");
        out!(self, "#include \"py/objint.h\"");
        out!(self, "#include \"py/objstr.h\"");
        out!(self, "#include \"py/emitglue.h\"");
        out!(self, "#include \"py/nativeglue.h\"");
        out!(self, "");
        out!(
            self,
            "#if MICROPY_LONGINT_IMPL != {}",
            self.config.longint_impl.number()
        );
        out!(self, "#error \"incompatible MICROPY_LONGINT_IMPL\"");
        out!(self, "#endif");
        out!(self, "");
        if self.config.longint_impl == LongIntImpl::Mpz {
            out!(self, "#if MPZ_DIG_SIZE != {}", self.config.mpz_dig_size);
            out!(self, "#error \"incompatible MPZ_DIG_SIZE\"");
            out!(self, "#endif");
            out!(self, "");
        }
        out!(self, "#if MICROPY_PY_BUILTINS_FLOAT");
        out!(self, "typedef struct _mp_obj_float_t {{");
        out!(self, "    mp_obj_base_t base;");
        out!(self, "    mp_float_t value;");
        out!(self, "}} mp_obj_float_t;");
        out!(self, "#endif");
        out!(self, "");
        out!(self, "#if MICROPY_PY_BUILTINS_COMPLEX");
        out!(self, "typedef struct _mp_obj_complex_t {{");
        out!(self, "    mp_obj_base_t base;");
        out!(self, "    mp_float_t real;");
        out!(self, "    mp_float_t imag;");
        out!(self, "}} mp_obj_complex_t;");
        out!(self, "#endif");
        out!(self, "");
        if !new.is_empty() {
            out!(self, "enum {{");
            for (i, (ident, _)) in new.iter().enumerate() {
                if i == 0 {
                    out!(self, "    MP_QSTR_{ident} = MP_QSTRnumber_of,");
                } else {
                    out!(self, "    MP_QSTR_{ident},");
                }
            }
            out!(self, "}};");
        }
        let pool_alloc = new.len().min(10);
        let bytes_in_hash = self.hash_bytes();
        let bytes_in_len = self.config.qstr.bytes_in_len as usize;
        if bytes_in_hash != 0 {
            out!(self, "");
            out!(self, "const qstr_hash_t mp_qstr_frozen_const_hashes[] = {{");
            for (_, s) in &new {
                out!(self, "    {},", compute_hash(s.as_bytes(), bytes_in_hash));
                self.stats.qstr_content += bytes_in_hash as usize;
            }
            out!(self, "}};");
        }
        out!(self, "");
        out!(self, "const qstr_len_t mp_qstr_frozen_const_lengths[] = {{");
        for (_, s) in &new {
            out!(self, "    {},", s.len());
            self.stats.qstr_content += bytes_in_len + s.len() + 1;
        }
        out!(self, "}};");
        out!(self, "");
        out!(self, "extern const qstr_pool_t mp_qstr_const_pool;");
        out!(self, "const qstr_pool_t mp_qstr_frozen_const_pool = {{");
        out!(self, "    &mp_qstr_const_pool, // previous pool");
        out!(self, "    MP_QSTRnumber_of, // previous pool size");
        out!(self, "    true, // is_sorted");
        out!(self, "    {pool_alloc}, // allocated entries");
        out!(self, "    {}, // used entries", new.len());
        if bytes_in_hash != 0 {
            out!(self, "    (qstr_hash_t *)mp_qstr_frozen_const_hashes,");
        }
        out!(self, "    (qstr_len_t *)mp_qstr_frozen_const_lengths,");
        out!(self, "    {{");
        for (_, s) in &new {
            out!(self, "        \"{}\",", escape_bytes(s));
        }
        out!(self, "    }},");
        out!(self, "}};");

        for module in modules {
            self.freeze_module(module)?;
        }

        out!(self, "");
        out!(self, "{}", "/".repeat(80));
        out!(self, "// collection of all frozen modules");
        out!(self, "");
        out!(self, "const char mp_frozen_names[] = {{");
        out!(self, "    #ifdef MP_FROZEN_STR_NAMES");
        out!(self, "    MP_FROZEN_STR_NAMES");
        out!(self, "    #endif");
        let mut names_content = 1;
        for m in modules {
            out!(self, "    \"{}\\0\"", m.qstrs[0]);
            names_content += m.qstrs[0].chars().count() + 1;
        }
        out!(self, "    \"\\0\"");
        out!(self, "}};");
        out!(self, "");
        out!(
            self,
            "const mp_frozen_module_t *const mp_frozen_mpy_content[] = {{"
        );
        for m in modules {
            out!(self, "    &frozen_module_{},", m.escaped_name);
        }
        out!(self, "}};");
        let content_size = modules.len() * 4;
        out!(self, "");
        out!(self, "#ifdef MICROPY_FROZEN_LIST_ITEM");
        for m in modules {
            let name = &m.qstrs[0];
            let short = match name.strip_suffix("/__init__.py") {
                Some(short) => short.to_string(),
                None => name
                    .rsplit_once('.')
                    .map_or_else(String::new, |(stem, _)| stem.to_string()),
            };
            out!(self, "MICROPY_FROZEN_LIST_ITEM(\"{short}\", \"{name}\")");
        }
        out!(self, "#endif");
        let s = self.stats;
        out!(self, "");
        out!(self, "/*");
        out!(self, "byte sizes:");
        out!(
            self,
            "qstr content: {} unique, {} bytes",
            new.len(),
            s.qstr_content
        );
        out!(self, "bc content: {}", s.bc_content);
        out!(self, "const str content: {}", s.const_str_content);
        out!(self, "const int content: {}", s.const_int_content);
        out!(self, "const obj content: {}", s.const_obj_content);
        out!(self, "const table qstr content: 0 entries, 0 bytes");
        out!(
            self,
            "const table ptr content: {} entries, {} bytes",
            s.const_table_ptr_content,
            s.const_table_ptr_content * 4
        );
        out!(
            self,
            "raw code content: {} * 4 = {}",
            s.raw_code_count,
            s.raw_code_count * 16
        );
        out!(self, "mp_frozen_mpy_names_content: {names_content}");
        out!(self, "mp_frozen_mpy_content_size: {content_size}");
        let total = s.qstr_content
            + s.bc_content
            + s.const_str_content
            + s.const_int_content
            + s.const_obj_content
            + s.const_table_ptr_content * 4
            + s.raw_code_count * 16
            + names_content
            + content_size;
        out!(self, "total: {total}");
        out!(self, "*/");
        Ok(())
    }

    fn freeze_module(&mut self, m: &Module<'_>) -> Result<()> {
        out!(self, "");
        out!(self, "{}", "/".repeat(80));
        out!(self, "// frozen module {}", m.escaped_name);
        out!(self, "// - original source file: {}", m.mpy_path);
        out!(self, "// - frozen file name: {}", m.qstrs[0]);
        let h = &m.mpy.header;
        out!(
            self,
            "// - .mpy header: 4d:{:02x}:{:02x}:{:02x}",
            h.version,
            h.feature_byte(),
            h.small_int_bits
        );
        out!(self, "");
        self.freeze_raw_code(&m.root, m)?;
        out!(self, "");
        self.freeze_constants(m)?;
        out!(self, "");
        out!(
            self,
            "static const mp_frozen_module_t frozen_module_{} = {{",
            m.escaped_name
        );
        out!(self, "    .constants = {{");
        if m.qstrs.is_empty() {
            out!(self, "        .qstr_table = NULL,");
        } else {
            out!(
                self,
                "        .qstr_table = (qstr_short_t *)&const_qstr_table_data_{},",
                m.escaped_name
            );
        }
        if m.objects.is_empty() {
            out!(self, "        .obj_table = NULL,");
        } else {
            out!(
                self,
                "        .obj_table = (mp_obj_t *)&const_obj_table_data_{},",
                m.escaped_name
            );
        }
        out!(self, "    }},");
        out!(self, "    .proto_fun = &proto_fun_{},", m.root.escaped_name);
        out!(self, "}};");
        Ok(())
    }

    fn qstr_str<'m>(m: &'m Module<'_>, index: usize) -> Result<&'m str> {
        m.qstrs
            .get(index)
            .map(String::as_str)
            .ok_or_else(|| Error::at(m.mpy_path, format!("qstr index {index} out of range")))
    }

    fn freeze_raw_code(&mut self, rc: &Rc<'_>, m: &Module<'_>) -> Result<()> {
        if rc.rc.kind == RawCodeKind::Bytecode {
            self.freeze_bytecode(rc, m)
        } else {
            self.freeze_native(rc, m)
        }
    }

    fn freeze_bytecode(&mut self, rc: &Rc<'_>, m: &Module<'_>) -> Result<()> {
        let bc = &rc.rc.fun_data;
        let Some(p) = &rc.prelude else {
            return Err(Error::at(m.mpy_path, "bytecode without prelude"));
        };
        out!(
            self,
            "// frozen bytecode for file {}, scope {}",
            m.qstrs[0],
            rc.escaped_name
        );
        out!(
            self,
            "static const byte fun_data_{}[{}] = {{",
            rc.escaped_name,
            bc.len()
        );
        let hex = |bytes: &[u8]| {
            bytes
                .iter()
                .map(|b| format!("0x{b:02x},"))
                .collect::<String>()
        };
        out!(self, "    {} // prelude", hex(&bc[..p.offset_source_info]));
        let names = p
            .names
            .iter()
            .map(|&i| Self::qstr_str(m, i))
            .collect::<Result<Vec<_>>>()?
            .join(", ");
        out!(
            self,
            "    {} // names: {names}",
            hex(&bc[p.offset_source_info..p.offset_line_info])
        );
        out!(
            self,
            "    {} // code info",
            hex(&bc[p.offset_line_info..p.offset_opcodes])
        );
        let mut ip = p.offset_opcodes;
        while ip < bc.len() {
            let (format, size, arg) = decode_opcode(bc, ip).ok_or_else(|| {
                Error::at(
                    m.mpy_path,
                    format!("truncated bytecode in {}", rc.escaped_name),
                )
            })?;
            let mut name = opcode_name(bc[ip]);
            if format == FORMAT_QSTR {
                let index = usize::try_from(arg.unwrap_or(-1))
                    .map_err(|_| Error::at(m.mpy_path, "bad qstr index"))?;
                name.push(' ');
                name.push_str(&python_repr(Self::qstr_str(m, index)?));
            } else if format == FORMAT_VAR_UINT || format == FORMAT_OFFSET {
                let _ = write!(name, " {}", arg.unwrap_or(0));
            }
            let bytes = bc[ip..ip + size]
                .iter()
                .map(|b| format!("0x{b:02x}"))
                .collect::<Vec<_>>()
                .join(",");
            out!(self, "    {bytes}, // {name}");
            ip += size;
        }
        out!(self, "}};");
        self.freeze_children(rc, m, None)?;
        self.freeze_proto_fun(rc, None);
        self.stats.bc_content += bc.len();
        Ok(())
    }

    fn freeze_native(&mut self, rc: &Rc<'_>, m: &Module<'_>) -> Result<()> {
        if rc.scope_flags & !0x0f != 0 {
            return Err(Error::at(
                m.mpy_path,
                "unable to freeze code with relocations",
            ));
        }
        let arch = self.native_arch.unwrap_or(Arch::None);
        let mut attributes = if matches!(
            arch,
            Arch::X86 | Arch::X64 | Arch::Xtensa | Arch::Xtensawin | Arch::Rv32imc | Arch::Rv64imc
        ) {
            "__attribute__((section(\".text,\\\"ax\\\",@progbits # \")))".to_string()
        } else {
            "__attribute__((section(\".text,\\\"ax\\\",%progbits @ \")))".to_string()
        };
        if matches!(arch, Arch::Armv6 | Arch::Xtensa | Arch::Xtensawin) {
            attributes.push_str(" __attribute__ ((aligned (4)))");
        } else if (Arch::Armv6m <= arch && arch <= Arch::Armv7emdp)
            || (Arch::Rv32imc <= arch && arch <= Arch::Rv64imc)
        {
            attributes.push_str(" __attribute__ ((aligned (2)))");
        }
        let data = &rc.rc.fun_data;
        out!(self, "");
        out!(
            self,
            "// frozen native code for file {}, scope {}",
            m.qstrs[0],
            rc.escaped_name
        );
        out!(
            self,
            "static const byte fun_data_{}[{}] {attributes} = {{",
            rc.escaped_name,
            data.len()
        );
        for chunk in data.chunks(16) {
            let line: String = chunk.iter().map(|b| format!(" 0x{b:02x},")).collect();
            out!(self, "   {line}");
        }
        out!(self, "}};");
        let mut prelude_ptr = None;
        if rc.rc.kind == RawCodeKind::NativePy {
            let name = format!("fun_data_{}_prelude_macro", rc.escaped_name);
            let offset = usize::try_from(rc.rc.prelude_offset)
                .unwrap_or(usize::MAX)
                .min(data.len());
            let n = data.len() - offset;
            out!(
                self,
                "#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE"
            );
            let bytes: String = data[offset..]
                .iter()
                .map(|b| format!(" 0x{b:02x},"))
                .collect();
            out!(
                self,
                "static const byte fun_data_{}_prelude[{n}] = {{{bytes}}};",
                rc.escaped_name
            );
            out!(
                self,
                "#define {name} &fun_data_{}_prelude[0]",
                rc.escaped_name
            );
            out!(self, "#else");
            out!(
                self,
                "#define {name} &fun_data_{}[{}]",
                rc.escaped_name,
                rc.rc.prelude_offset
            );
            out!(self, "#endif");
            prelude_ptr = Some(name);
        }
        self.freeze_children(rc, m, prelude_ptr.as_deref())?;
        self.freeze_proto_fun(rc, prelude_ptr.as_deref());
        Ok(())
    }

    fn freeze_children(
        &mut self,
        rc: &Rc<'_>,
        m: &Module<'_>,
        prelude_ptr: Option<&str>,
    ) -> Result<()> {
        if rc.children.is_empty() {
            return Ok(());
        }
        for child in &rc.children {
            out!(self, "// child of {}", rc.escaped_name);
            self.freeze_raw_code(child, m)?;
            out!(self, "");
        }
        out!(
            self,
            "static const mp_raw_code_t *const children_{}[] = {{",
            rc.escaped_name
        );
        for child in &rc.children {
            out!(
                self,
                "    (const mp_raw_code_t *)&proto_fun_{},",
                child.escaped_name
            );
        }
        if let Some(ptr) = prelude_ptr {
            out!(self, "    (void *){ptr},");
        }
        out!(self, "}};");
        out!(self, "");
        Ok(())
    }

    fn freeze_proto_fun(&mut self, rc: &Rc<'_>, prelude_ptr: Option<&str>) {
        let kind = rc.rc.kind;
        let raw_code_type = if kind == RawCodeKind::Asm {
            "mp_raw_code_t"
        } else {
            "mp_raw_code_truncated_t"
        };
        let minimal =
            kind == RawCodeKind::Bytecode && rc.children.is_empty() && prelude_ptr.is_none();
        let name = &rc.escaped_name;
        if minimal {
            out!(self, "#if MICROPY_PERSISTENT_CODE_SAVE");
        }
        out!(self, "static const {raw_code_type} proto_fun_{name} = {{");
        out!(
            self,
            "    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,"
        );
        out!(
            self,
            "    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,"
        );
        let kind_name = match kind {
            RawCodeKind::Bytecode => "MP_CODE_BYTECODE",
            RawCodeKind::NativePy => "MP_CODE_NATIVE_PY",
            RawCodeKind::Viper => "MP_CODE_NATIVE_VIPER",
            RawCodeKind::Asm => "MP_CODE_NATIVE_ASM",
        };
        out!(self, "    .kind = {kind_name},");
        out!(
            self,
            "    .is_generator = {},",
            u8::from(rc.scope_flags & 1 != 0)
        );
        out!(self, "    .fun_data = fun_data_{name},");
        if !rc.children.is_empty() {
            out!(self, "    .children = (void *)&children_{name},");
        } else if let Some(ptr) = prelude_ptr {
            out!(self, "    .children = (void *){ptr},");
        } else {
            out!(self, "    .children = NULL,");
        }
        out!(self, "    #if MICROPY_PERSISTENT_CODE_SAVE");
        out!(self, "    .fun_data_len = {},", rc.rc.fun_data.len());
        out!(self, "    .n_children = {},", rc.children.len());
        out!(self, "    #if MICROPY_EMIT_MACHINE_CODE");
        let prelude_offset = if kind == RawCodeKind::NativePy {
            rc.rc.prelude_offset
        } else {
            0
        };
        out!(self, "    .prelude_offset = {prelude_offset},");
        out!(self, "    #endif");
        if kind == RawCodeKind::Bytecode {
            if let Some(p) = &rc.prelude {
                let s = p.signature;
                out!(self, "    #if MICROPY_PY_SYS_SETTRACE");
                out!(self, "    .line_of_definition = 0,");
                out!(self, "    .prelude = {{");
                out!(self, "        .n_state = {},", s[0]);
                out!(self, "        .n_exc_stack = {},", s[1]);
                out!(self, "        .scope_flags = {},", s[2]);
                out!(self, "        .n_pos_args = {},", s[3]);
                out!(self, "        .n_kwonly_args = {},", s[4]);
                out!(self, "        .n_def_pos_args = {},", s[5]);
                out!(self, "        .qstr_block_name_idx = {},", p.names[0]);
                out!(
                    self,
                    "        .line_info = fun_data_{name} + {},",
                    p.offset_line_info
                );
                out!(
                    self,
                    "        .line_info_top = fun_data_{name} + {},",
                    p.offset_closure_info
                );
                out!(
                    self,
                    "        .opcodes = fun_data_{name} + {},",
                    p.offset_opcodes
                );
                out!(self, "    }},");
                out!(self, "    #endif");
            }
        }
        out!(self, "    #endif");
        if kind == RawCodeKind::Asm {
            out!(self, "    .asm_n_pos_args = {},", rc.rc.asm_n_pos_args);
            out!(self, "    .asm_type_sig = {},", rc.rc.asm_type_sig);
        }
        out!(self, "}};");
        if minimal {
            out!(self, "#else");
            out!(self, "#define proto_fun_{name} fun_data_{name}[0]");
            out!(self, "#endif");
        }
        self.stats.raw_code_count += 1;
    }

    fn freeze_constants(&mut self, m: &Module<'_>) -> Result<()> {
        if !m.qstrs.is_empty() {
            out!(
                self,
                "static const qstr_short_t const_qstr_table_data_{}[{}] = {{",
                m.escaped_name,
                m.qstrs.len()
            );
            for q in &m.qstrs {
                out!(self, "    MP_QSTR_{},", qstr_escape(q));
            }
            out!(self, "}};");
        }
        if m.objects.is_empty() {
            return Ok(());
        }
        out!(self, "");
        out!(self, "// constants");
        let mut refs = Vec::with_capacity(m.objects.len());
        for (i, obj) in m.objects.iter().enumerate() {
            let name = format!("const_obj_{}_{i}", m.escaped_name);
            refs.push(self.freeze_constant(&name, obj, m)?);
        }
        out!(self, "");
        out!(self, "// constant table");
        out!(
            self,
            "static const mp_rom_obj_t const_obj_table_data_{}[{}] = {{",
            m.escaped_name,
            m.objects.len()
        );
        for r in refs {
            out!(self, "    {r},");
        }
        out!(self, "}};");
        self.stats.const_table_ptr_content += m.objects.len();
        Ok(())
    }

    fn freeze_constant(&mut self, name: &str, obj: &Obj, m: &Module<'_>) -> Result<String> {
        let bytes_in_hash = self.hash_bytes();
        Ok(match obj {
            Obj::FunTable => "&mp_fun_table".into(),
            Obj::None => "MP_ROM_NONE".into(),
            Obj::False => "MP_ROM_FALSE".into(),
            Obj::True => "MP_ROM_TRUE".into(),
            Obj::Ellipsis => "MP_ROM_PTR(&mp_const_ellipsis_obj)".into(),
            Obj::Str(s) if s.is_empty() => "MP_ROM_QSTR(MP_QSTR_)".into(),
            Obj::Bytes(b) if b.is_empty() => "MP_ROM_PTR(&mp_const_empty_bytes_obj)".into(),
            Obj::Str(s) if self.global_qstr_set.contains(s) => {
                format!("MP_ROM_QSTR(MP_QSTR_{})", qstr_escape(s))
            }
            Obj::Str(_) | Obj::Bytes(_) => {
                let (data, ty) = match obj {
                    Obj::Str(s) => (s.as_bytes(), "mp_type_str"),
                    Obj::Bytes(b) => (b.as_slice(), "mp_type_bytes"),
                    _ => unreachable!("matched above"),
                };
                let escaped: String = data.iter().map(|b| format!("\\x{b:02x}")).collect();
                out!(
                    self,
                    "static const mp_obj_str_t {name} = {{{{&{ty}}}, {}, {}, (const byte*)\"{escaped}\"}};",
                    compute_hash(data, bytes_in_hash),
                    data.len()
                );
                self.stats.const_str_content += data.len();
                self.stats.const_obj_content += 16;
                format!("MP_ROM_PTR(&{name})")
            }
            Obj::Int(text) => {
                if let Some(v) = text
                    .parse::<i64>()
                    .ok()
                    .filter(|v| (-0x2000..=0x1fff).contains(v))
                {
                    return Ok(format!("MP_ROM_INT({v})"));
                }
                match self.config.longint_impl {
                    LongIntImpl::None => {
                        return Err(Error::at(
                            m.mpy_path,
                            format!(
                                "error while freezing {}: target does not support long int",
                                m.qstrs[0]
                            ),
                        ))
                    }
                    LongIntImpl::LongLong => {
                        out!(
                            self,
                            "static const mp_obj_int_t {name} = {{{{&mp_type_int}}, {text}}};"
                        );
                        format!("MP_ROM_PTR(&{name})")
                    }
                    LongIntImpl::Mpz => {
                        let (neg, limbs) = parse_bigint(text).unwrap_or((false, Vec::new()));
                        let bits = self.config.mpz_dig_size;
                        let digits = to_digits(&limbs, bits);
                        let list = digits
                            .iter()
                            // Python's "%#x": 0 is "0x0".
                            .map(|d| format!("{d:#x}"))
                            .collect::<Vec<_>>()
                            .join(",");
                        out!(
                            self,
                            "static const mp_obj_int_t {name} = {{{{&mp_type_int}}, {{.neg={}, .fixed_dig=1, .alloc={}, .len={}, .dig=(uint{bits}_t*)(const uint{bits}_t[]){{{list}}}}}}};",
                            u8::from(neg),
                            digits.len(),
                            digits.len()
                        );
                        self.stats.const_int_content +=
                            (list.matches(',').count() + 1) * bits as usize / 8;
                        self.stats.const_obj_content += 16;
                        format!("MP_ROM_PTR(&{name})")
                    }
                }
            }
            Obj::Float(v) => {
                let macro_name = format!("{name}_macro");
                out!(self, "#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B");
                out!(
                    self,
                    "static const mp_obj_float_t {name} = {{{{&mp_type_float}}, (mp_float_t){}}};",
                    format_g(*v, 16)
                );
                out!(self, "#define {macro_name} MP_ROM_PTR(&{name})");
                out!(self, "#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C");
                #[allow(clippy::cast_possible_truncation)]
                let single = *v as f32;
                if v.is_finite() && single.is_infinite() {
                    return Err(Error::at(
                        m.mpy_path,
                        "float too large to pack with f format",
                    ));
                }
                let n = ((u64::from(single.to_bits()) & !3) | 2) + 0x8080_0000;
                out!(self, "#define {macro_name} ((mp_rom_obj_t)(0x{n:08x}))");
                out!(self, "#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D");
                let n = u128::from(v.to_bits()) + 0x8004_0000_0000_0000;
                out!(self, "#define {macro_name} ((mp_rom_obj_t)(0x{n:016x}))");
                out!(self, "#endif");
                self.stats.const_obj_content += 12;
                macro_name
            }
            Obj::Complex(re, im) => {
                out!(
                    self,
                    "static const mp_obj_complex_t {name} = {{{{&mp_type_complex}}, (mp_float_t){}, (mp_float_t){}}};",
                    format_g(*re, 16),
                    format_g(*im, 16)
                );
                format!("MP_ROM_PTR(&{name})")
            }
            Obj::Tuple(items) if items.is_empty() => "MP_ROM_PTR(&mp_const_empty_tuple_obj)".into(),
            Obj::Tuple(items) => {
                let mut refs = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    refs.push(self.freeze_constant(&format!("{name}_{i}"), item, m)?);
                }
                out!(
                    self,
                    "static const mp_rom_obj_tuple_t {name} = {{{{&mp_type_tuple}}, {}, {{",
                    items.len()
                );
                for r in refs {
                    out!(self, "    {r},");
                }
                out!(self, "}}}};");
                format!("MP_ROM_PTR(&{name})")
            }
        })
    }
}

fn normalise_int(neg: bool, limbs: &[u32]) -> String {
    // Decimal digits of the magnitude by repeated division by 10^9.
    let mut work: Vec<u32> = limbs.to_vec();
    let mut chunks = Vec::new();
    while !work.is_empty() {
        let mut rem = 0u64;
        for limb in work.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            #[allow(clippy::cast_possible_truncation)]
            {
                *limb = (cur / 1_000_000_000) as u32;
            }
            rem = cur % 1_000_000_000;
        }
        chunks.push(rem);
        while work.last() == Some(&0) {
            work.pop();
        }
    }
    let mut text = String::new();
    if neg {
        text.push('-');
    }
    match chunks.split_last() {
        None => text.push('0'),
        Some((top, rest)) => {
            let _ = write!(text, "{top}");
            for chunk in rest.iter().rev() {
                let _ = write!(text, "{chunk:09}");
            }
        }
    }
    text
}

/// The mpy-tool `-f` text for `modules`, in this order.
///
/// # Errors
/// A module the reference tool would also refuse: wrong sub-version, mixed architectures,
/// non-ASCII module name, native code with relocations, a long int on a target without them;
/// or a malformed function (bad prelude, truncated bytecode, qstr index out of range).
pub fn freeze_mpy_c(modules: &[CModule<'_>], config: &CConfig) -> Result<String> {
    let mut freezer = Freezer::new(config);
    let decoded = modules
        .iter()
        .map(|m| freezer.read(m))
        .collect::<Result<Vec<_>>>()?;
    freezer.freeze(&decoded)?;
    Ok(freezer.out)
}

/// The whole `frozen_content.c` as tools/makemanifest.py writes it: text-frozen modules, then
/// the mpy-tool output (or the empty tables when there is no `.mpy`).
///
/// # Errors
/// See [`freeze_mpy_c`].
pub fn frozen_content_c(
    str_modules: &[StrModule],
    modules: &[CModule<'_>],
    config: &CConfig,
) -> Result<String> {
    let mut out = String::from("//\n// Content for MICROPY_MODULE_FROZEN_STR\n//\n");
    out.push_str(&frozen_str_content(str_modules));
    out.push_str("//\n// Content for MICROPY_MODULE_FROZEN_MPY\n//\n");
    if modules.is_empty() {
        out.push_str(concat!(
            "#include \"py/emitglue.h\"\n",
            "extern const qstr_pool_t mp_qstr_const_pool;\n",
            "const qstr_pool_t mp_qstr_frozen_const_pool = {\n",
            "    #if MICROPY_QSTR_BYTES_IN_HASH\n",
            "    (qstr_pool_t*)&mp_qstr_const_pool, MP_QSTRnumber_of, 0, 0, 0, NULL, NULL, {},\n",
            "    #else\n",
            "    (qstr_pool_t*)&mp_qstr_const_pool, MP_QSTRnumber_of, 0, 0, 0, NULL, {},\n",
            "    #endif\n",
            "};\n",
            "const char mp_frozen_names[] = { MP_FROZEN_STR_NAMES \"\\0\"};\n",
            "const mp_raw_code_t *const mp_frozen_mpy_content[] = {NULL};\n",
        ));
    } else {
        out.push_str(&freeze_mpy_c(modules, config)?);
    }
    Ok(out)
}

/// `generate_frozen_str_content` of makemanifest.py.
fn frozen_str_content(modules: &[StrModule]) -> String {
    let mut out = String::from("#include <stdint.h>\n#define MP_FROZEN_STR_NAMES \\\n");
    for m in modules {
        let _ = writeln!(out, "\"{}\\0\" \\", m.target_path);
    }
    out.push('\n');
    out.push_str("const uint32_t mp_frozen_str_sizes[] = { ");
    for m in modules {
        let _ = write!(out, "{}, ", m.content.len());
    }
    out.push_str("0 };\n");
    out.push_str("const char mp_frozen_str_content[] = {\n");
    for m in modules {
        out.push('"');
        let mut break_str = false;
        for &c in &m.content {
            match c {
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                32..=126 => {
                    if break_str {
                        out.push_str("\" \"");
                        break_str = false;
                    }
                    out.push(char::from(c));
                }
                _ => {
                    let _ = write!(out, "\\x{c:02x}");
                    break_str = true;
                }
            }
        }
        out.push_str("\\0\"\n");
    }
    out.push_str("\"\\0\"\n};\n\n");
    out
}

/// Every qstr the C output defines in its pool (for tests: each must appear once).
#[must_use]
pub fn pool_qstrs(c: &str) -> Vec<String> {
    let mut in_enum = false;
    let mut out = Vec::new();
    for line in c.lines() {
        if line == "enum {" {
            in_enum = true;
            continue;
        }
        if in_enum {
            if line == "};" {
                break;
            }
            let ident = line
                .trim()
                .trim_end_matches(',')
                .split(' ')
                .next()
                .unwrap_or("");
            out.push(ident.to_string());
        }
    }
    out
}

/// The bytes of every `fun_data_*` array in a C output (for tests).
#[must_use]
pub fn fun_data_arrays(c: &str) -> HashMap<String, Vec<u8>> {
    let mut arrays = HashMap::new();
    let mut current: Option<(String, Vec<u8>)> = None;
    for line in c.lines() {
        if let Some(rest) = line.strip_prefix("static const byte fun_data_") {
            if rest.contains("_prelude[") && rest.ends_with("};") {
                continue;
            }
            let name = rest.split('[').next().unwrap_or("").to_string();
            current = Some((name, Vec::new()));
            continue;
        }
        if let Some((name, bytes)) = current.as_mut() {
            if line == "};" {
                arrays.insert(std::mem::take(name), std::mem::take(bytes));
                current = None;
                continue;
            }
            let data = line.split("//").next().unwrap_or("");
            for tok in data.split(',') {
                if let Some(hex) = tok.trim().strip_prefix("0x") {
                    if let Ok(b) = u8::from_str_radix(hex, 16) {
                        bytes.push(b);
                    }
                }
            }
        }
    }
    arrays
}
