//! The in-memory model of a `.mpy` v6.3 file (after `mp_raw_code_save`/`mp_raw_code_load` in
//! py/persistentcode.c and `tools/mpy-tool.py`).
//!
//! The model keeps every byte the file stores (function data, texts of numbers, header bits)
//! so that reading a file and writing the model back gives the same bytes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::arch::Arch;

/// The `.mpy` major version this crate reads and writes (`MPY_VERSION`).
pub const MPY_VERSION: u8 = 6;
/// The `.mpy` sub-version of MicroPython 1.23 and later (`MPY_SUB_VERSION`); native code is
/// accepted only with this sub-version.
pub const MPY_SUB_VERSION: u8 = 3;
/// Feature-byte bit: an arch-flags vuint follows the header (`MPY_FEATURE_ARCH_FLAGS`).
pub const FEATURE_ARCH_FLAGS: u8 = 0x40;
/// The small-int bits mpy-cross writes by default.
pub const DEFAULT_SMALL_INT_BITS: u8 = 31;

/// Scope flag of a viper raw code: a relocation stream follows its children.
pub const SCOPE_FLAG_VIPERRELOC: u64 = 0x10;
/// Scope flag of a viper raw code: a rodata size and rodata bytes follow.
pub const SCOPE_FLAG_VIPERRODATA: u64 = 0x20;
/// Scope flag of a viper raw code: a bss size follows.
pub const SCOPE_FLAG_VIPERBSS: u64 = 0x40;

/// A whole `.mpy` file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MpyFile {
    /// The 4-byte header and the optional arch flags.
    pub header: Header,
    /// The file's qstr table; index 0 is the source file name.
    pub qstrs: Vec<QstrEntry>,
    /// The file's constant-object table.
    pub constants: Vec<Constant>,
    /// The module's raw code (the root of the raw-code tree).
    pub root: RawCode,
}

/// The header: `'M'`, version, feature byte, small-int bits, and the optional arch-flags vuint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Header {
    /// Byte 1: the `.mpy` version (6).
    pub version: u8,
    /// Feature-byte bits 1..0. mpy-cross writes [`MPY_SUB_VERSION`] only when the file has native
    /// code, else 0; kept as read.
    pub sub_version: u8,
    /// Feature-byte bits 5..2 (and 7): the native architecture, [`Arch::None`] for bytecode-only files.
    pub arch: Arch,
    /// The arch-flags vuint, present when feature bit 6 is set (rv32imc `zba` 1, `zcmp` 2).
    pub arch_flags: Option<u32>,
    /// Byte 3: the bit width of small ints the file was compiled for.
    pub small_int_bits: u8,
}

impl Header {
    /// The header mpy-cross writes: sub-version [`MPY_SUB_VERSION`] only when `arch` is not
    /// [`Arch::None`] (the module contains native code).
    #[must_use]
    pub const fn new(arch: Arch, arch_flags: Option<u32>, small_int_bits: u8) -> Self {
        let sub_version = if matches!(arch, Arch::None) {
            0
        } else {
            MPY_SUB_VERSION
        };
        Self {
            version: MPY_VERSION,
            sub_version,
            arch,
            arch_flags,
            small_int_bits,
        }
    }

    /// The feature byte (header byte 2).
    #[must_use]
    pub const fn feature_byte(&self) -> u8 {
        let arch = self.arch.number();
        let flags = if self.arch_flags.is_some() {
            FEATURE_ARCH_FLAGS
        } else {
            0
        };
        ((arch & 0x0f) << 2) | ((arch & 0x20) << 2) | flags | (self.sub_version & 3)
    }
}

impl Default for Header {
    fn default() -> Self {
        Self::new(Arch::None, None, DEFAULT_SMALL_INT_BITS)
    }
}

/// One entry of the qstr table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum QstrEntry {
    /// A static qstr by number (1..=165, see [`crate::static_qstr`]); stored as `n << 1 | 1`.
    Static(u32),
    /// A string stored in the file (normally UTF-8; not checked), stored as `len << 1`, bytes, NUL.
    Inline(Vec<u8>),
}

impl QstrEntry {
    /// The entry's bytes: the static string, or the inline bytes. `None` for an unknown static number.
    #[must_use]
    pub fn bytes(&self) -> Option<&[u8]> {
        match self {
            Self::Static(n) => crate::static_qstr::static_qstr(*n).map(str::as_bytes),
            Self::Inline(bytes) => Some(bytes),
        }
    }
}

/// One entry of the constant-object table (`MP_PERSISTENT_OBJ_*`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Constant {
    /// 0: `&mp_fun_table` (native code only).
    FunTable,
    /// 1: `None`.
    None,
    /// 2: `False`.
    False,
    /// 3: `True`.
    True,
    /// 4: `...`.
    Ellipsis,
    /// 5: a str (its bytes; normally UTF-8).
    Str(Vec<u8>),
    /// 6: a bytes object.
    Bytes(Vec<u8>),
    /// 7: an int, as its decimal text (may start with `-`).
    Int(String),
    /// 8: a float, as its repr text (see [`crate::float_repr`]).
    Float(String),
    /// 9: a complex with zero real part, as the imaginary part's text followed by `j`.
    Complex(String),
    /// 10: a tuple of constants.
    Tuple(Vec<Constant>),
}

impl Constant {
    /// The type byte of this constant in the file.
    #[must_use]
    pub const fn type_byte(&self) -> u8 {
        match self {
            Self::FunTable => 0,
            Self::None => 1,
            Self::False => 2,
            Self::True => 3,
            Self::Ellipsis => 4,
            Self::Str(_) => 5,
            Self::Bytes(_) => 6,
            Self::Int(_) => 7,
            Self::Float(_) => 8,
            Self::Complex(_) => 9,
            Self::Tuple(_) => 10,
        }
    }
}

/// What a raw code holds (`MP_CODE_*` minus `MP_CODE_BYTECODE`, the low 2 bits of `kind_len`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[repr(u8)]
pub enum RawCodeKind {
    /// Bytecode with its prelude.
    Bytecode = 0,
    /// `@micropython.native` machine code with a prelude at `prelude_offset`.
    NativePy = 1,
    /// `@micropython.viper` machine code.
    Viper = 2,
    /// Inline assembler (`@micropython.asm_thumb` etc.).
    Asm = 3,
}

impl RawCodeKind {
    /// The kind with these low 2 bits.
    #[must_use]
    pub const fn from_bits(bits: u8) -> Self {
        match bits & 3 {
            0 => Self::Bytecode,
            1 => Self::NativePy,
            2 => Self::Viper,
            _ => Self::Asm,
        }
    }

    /// A short lowercase name (`"bytecode"`, `"native"`, `"viper"`, `"asm"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Bytecode => "bytecode",
            Self::NativePy => "native",
            Self::Viper => "viper",
            Self::Asm => "asm",
        }
    }
}

/// One function (or the module) and its children.
///
/// Fields that do not apply to `kind` are 0 / empty and are not written.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RawCode {
    /// What `fun_data` holds.
    pub kind: RawCodeKind,
    /// Bytecode (prelude + opcodes) or machine code (+ prelude for native-py), verbatim.
    pub fun_data: Vec<u8>,
    /// Native-py only: offset of the prelude inside `fun_data`.
    pub prelude_offset: u64,
    /// Viper and asm only: scope flags (mpy-cross writes 0; `mpy_ld` sets the `SCOPE_FLAG_VIPER*` bits).
    pub scope_flags: u64,
    /// Asm only: number of positional arguments.
    pub asm_n_pos_args: u64,
    /// Asm only: type signature (return type: 0 object, 1 bool, 2 int, 3 uint).
    pub asm_type_sig: u64,
    /// Viper with [`SCOPE_FLAG_VIPERRODATA`]: the read-only data.
    pub viper_rodata: Vec<u8>,
    /// Viper with [`SCOPE_FLAG_VIPERBSS`]: the bss size.
    pub viper_bss_size: u64,
    /// Viper with [`SCOPE_FLAG_VIPERRELOC`]: the relocation stream verbatim, including its `0xff` end.
    pub viper_relocations: Vec<u8>,
    /// Children in child-index order (`MAKE_FUNCTION*`/`MAKE_CLOSURE*` argument).
    pub children: Vec<RawCode>,
}

impl RawCode {
    fn empty(kind: RawCodeKind, fun_data: Vec<u8>, children: Vec<RawCode>) -> Self {
        Self {
            kind,
            fun_data,
            prelude_offset: 0,
            scope_flags: 0,
            asm_n_pos_args: 0,
            asm_type_sig: 0,
            viper_rodata: Vec::new(),
            viper_bss_size: 0,
            viper_relocations: Vec::new(),
            children,
        }
    }

    /// A bytecode raw code.
    #[must_use]
    pub fn bytecode(fun_data: Vec<u8>, children: Vec<RawCode>) -> Self {
        Self::empty(RawCodeKind::Bytecode, fun_data, children)
    }

    /// A native-py raw code whose prelude starts at `prelude_offset` in `fun_data`.
    #[must_use]
    pub fn native_py(fun_data: Vec<u8>, prelude_offset: u64, children: Vec<RawCode>) -> Self {
        Self {
            prelude_offset,
            ..Self::empty(RawCodeKind::NativePy, fun_data, children)
        }
    }

    /// A viper raw code (mpy-cross writes scope flags 0).
    #[must_use]
    pub fn viper(fun_data: Vec<u8>, scope_flags: u64, children: Vec<RawCode>) -> Self {
        Self {
            scope_flags,
            ..Self::empty(RawCodeKind::Viper, fun_data, children)
        }
    }

    /// An inline-assembler raw code.
    #[must_use]
    pub fn asm(fun_data: Vec<u8>, n_pos_args: u64, type_sig: u64) -> Self {
        Self {
            asm_n_pos_args: n_pos_args,
            asm_type_sig: type_sig,
            ..Self::empty(RawCodeKind::Asm, fun_data, Vec::new())
        }
    }

    /// This raw code and all its descendants, depth first (the order they appear in the file).
    #[must_use]
    pub fn walk(&self) -> Vec<&RawCode> {
        let mut out = Vec::new();
        let mut stack = alloc::vec![self];
        while let Some(rc) = stack.pop() {
            out.push(rc);
            stack.extend(rc.children.iter().rev());
        }
        out
    }
}
