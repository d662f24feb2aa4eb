//! The `.mpy` v6.3 reader (after `mp_raw_code_load`, `load_qstr`, `load_obj`, `load_raw_code`
//! and `mp_native_relocate` in py/persistentcode.c).
//!
//! Every error carries the byte offset where reading failed and what was being read. Counts are
//! checked against the bytes left before anything is allocated, and nesting of raw codes and
//! tuples is bounded, so no input can make the reader allocate wildly, overflow the stack or panic.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::arch::Arch;
use crate::bytes::{decode_u8, decode_vuint, DecodeError, DecodeErrorKind};
use crate::model::{
    Constant, Header, MpyFile, QstrEntry, RawCode, RawCodeKind, FEATURE_ARCH_FLAGS, MPY_VERSION,
};
use crate::model::{
    MPY_SUB_VERSION, SCOPE_FLAG_VIPERBSS, SCOPE_FLAG_VIPERRELOC, SCOPE_FLAG_VIPERRODATA,
};

/// The deepest nesting of raw codes (functions in functions) or of tuples the reader accepts.
pub const MAX_NESTING: usize = 200;

/// A `.mpy` file that could not be read: where, and what was expected there.
///
/// Boxed so `Result<_, ReadError>` stays one word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError(Box<ReadErrorInner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ReadErrorInner {
    offset: usize,
    kind: ReadErrorKind,
    context: &'static str,
}

/// What was wrong with the bytes at the error's offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// The file ended in the middle of something.
    Truncated,
    /// A vuint is larger than 64 bits or than the field it fills.
    Overflow,
    /// The first byte is not `'M'`.
    NotMpy,
    /// The first byte is `'C'`: a CircuitPython `.mpy`.
    CircuitPython,
    /// An `.mpy` version other than 6.
    UnsupportedVersion(u8),
    /// Native code compiled for another v6 sub-version (another native ABI).
    UnsupportedSubVersion(u8),
    /// An architecture number not in `MP_NATIVE_ARCH_*`.
    InvalidArch(u8),
    /// A count larger than the bytes left could possibly hold.
    CountTooLarge(u64),
    /// Raw codes or tuples nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// A constant type byte that is not `MP_PERSISTENT_OBJ_*`.
    UnknownObjectType(u8),
    /// A string that must end with a NUL byte does not.
    MissingNul,
    /// The text of a number constant is not UTF-8.
    InvalidText,
    /// A native prelude offset past the end of the function data.
    PreludeOutOfRange(u64),
    /// Bytes left over after the module's raw code.
    TrailingData(usize),
}

impl ReadError {
    #[cold]
    #[must_use]
    fn new(offset: usize, kind: ReadErrorKind, context: &'static str) -> Self {
        Self(Box::new(ReadErrorInner {
            offset,
            kind,
            context,
        }))
    }

    #[cold]
    #[must_use]
    fn from_decode(err: DecodeError, context: &'static str) -> Self {
        let kind = match err.kind {
            DecodeErrorKind::Overflow | DecodeErrorKind::UnknownOpcode(_) => {
                ReadErrorKind::Overflow
            }
            DecodeErrorKind::Truncated => ReadErrorKind::Truncated,
        };
        Self::new(err.offset, kind, context)
    }

    /// Byte offset in the file where reading failed.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// What was wrong.
    #[must_use]
    pub fn kind(&self) -> ReadErrorKind {
        self.0.kind
    }

    /// What was being read (`"qstr table"`, `"raw code"`, ...).
    #[must_use]
    pub fn context(&self) -> &'static str {
        self.0.context
    }
}

/// The MicroPython releases that wrote `.mpy` version `version` (docs/reference/mpyfiles.rst).
fn releases_of_version(version: u8) -> Option<&'static str> {
    Some(match version {
        0 => "1.5.1\u{2013}1.8.7",
        2 => "1.9\u{2013}1.9.2",
        3 => "1.9.3\u{2013}1.10",
        4 => "1.11",
        5 => "1.12\u{2013}1.18",
        _ => return None,
    })
}

fn releases_of_sub_version(sub_version: u8) -> &'static str {
    match sub_version {
        0 => "1.19",
        1 => "1.20\u{2013}1.21",
        2 => "1.22",
        _ => "1.23 or later",
    }
}

const RECOMPILE: &str = "recompile with mpy-cross 1.29";

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let context = self.0.context;
        match self.0.kind {
            ReadErrorKind::Truncated => write!(f, "truncated {context}")?,
            ReadErrorKind::Overflow => write!(f, "integer too large in {context}")?,
            ReadErrorKind::NotMpy => f.write_str("not a .mpy file (first byte is not 'M')")?,
            ReadErrorKind::CircuitPython => {
                write!(f, "CircuitPython .mpy ('C' header); {RECOMPILE}")?;
            }
            ReadErrorKind::UnsupportedVersion(v) => match releases_of_version(v) {
                Some(releases) => write!(f, "compiled for .mpy v{v} (MicroPython {releases}); {RECOMPILE}")?,
                None => write!(f, "unknown .mpy version {v} (expected {MPY_VERSION}); {RECOMPILE}")?,
            },
            ReadErrorKind::UnsupportedSubVersion(s) => write!(
                f,
                "native code compiled for .mpy v6.{s} (MicroPython {}), which has another native ABI; {RECOMPILE}",
                releases_of_sub_version(s)
            )?,
            ReadErrorKind::InvalidArch(n) => write!(f, "invalid native architecture number {n} in {context}")?,
            ReadErrorKind::CountTooLarge(n) => write!(f, "{context} count {n} exceeds the bytes left in the file")?,
            ReadErrorKind::TooDeep => write!(f, "{context} nested deeper than {MAX_NESTING}")?,
            ReadErrorKind::UnknownObjectType(t) => write!(f, "unknown object type {t} in {context}")?,
            ReadErrorKind::MissingNul => write!(f, "missing NUL after string in {context}")?,
            ReadErrorKind::InvalidText => write!(f, "number text is not UTF-8 in {context}")?,
            ReadErrorKind::PreludeOutOfRange(n) => {
                write!(f, "native prelude offset {n} is past the end of the function data in {context}")?;
            }
            ReadErrorKind::TrailingData(n) => write!(f, "{n} unexpected bytes after the module's raw code")?,
        }
        write!(f, " (at offset 0x{:x})", self.0.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReadError {}

/// A cursor over the file's bytes that turns decode failures into [`ReadError`]s.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }

    fn u8(&mut self, context: &'static str) -> Result<u8, ReadError> {
        let (byte, next) =
            decode_u8(self.data, self.pos).map_err(|e| ReadError::from_decode(e, context))?;
        self.pos = next;
        Ok(byte)
    }

    fn vuint(&mut self, context: &'static str) -> Result<u64, ReadError> {
        let (value, next) =
            decode_vuint(self.data, self.pos).map_err(|e| ReadError::from_decode(e, context))?;
        self.pos = next;
        Ok(value)
    }

    fn vuint_u32(&mut self, context: &'static str) -> Result<u32, ReadError> {
        let at = self.pos;
        let value = self.vuint(context)?;
        u32::try_from(value).map_err(|_| ReadError::new(at, ReadErrorKind::Overflow, context))
    }

    /// A length or count that needs at least `min_bytes_each` bytes per item after it.
    fn count(&mut self, min_bytes_each: usize, context: &'static str) -> Result<usize, ReadError> {
        let at = self.pos;
        let value = self.vuint(context)?;
        match usize::try_from(value) {
            Ok(n)
                if n.checked_mul(min_bytes_each)
                    .is_some_and(|need| need <= self.remaining()) =>
            {
                Ok(n)
            }
            _ => Err(ReadError::new(
                at,
                ReadErrorKind::CountTooLarge(value),
                context,
            )),
        }
    }

    fn bytes(&mut self, len: usize, context: &'static str) -> Result<&'a [u8], ReadError> {
        if len > self.remaining() {
            return Err(ReadError::new(
                self.data.len(),
                ReadErrorKind::Truncated,
                context,
            ));
        }
        let slice = &self.data[self.pos..self.pos + len];
        self.pos += len;
        Ok(slice)
    }

    fn nul(&mut self, context: &'static str) -> Result<(), ReadError> {
        let at = self.pos;
        if self.u8(context)? != 0 {
            return Err(ReadError::new(at, ReadErrorKind::MissingNul, context));
        }
        Ok(())
    }

    fn header(&mut self) -> Result<Header, ReadError> {
        const CONTEXT: &str = "header";
        let magic = self.u8(CONTEXT)?;
        match magic {
            b'M' => {}
            b'C' => return Err(ReadError::new(0, ReadErrorKind::CircuitPython, CONTEXT)),
            _ => return Err(ReadError::new(0, ReadErrorKind::NotMpy, CONTEXT)),
        }
        let version = self.u8(CONTEXT)?;
        if version != MPY_VERSION {
            return Err(ReadError::new(
                1,
                ReadErrorKind::UnsupportedVersion(version),
                CONTEXT,
            ));
        }
        let feature = self.u8(CONTEXT)?;
        let arch_number = (feature >> 2) & 0x2f;
        let Some(arch) = Arch::from_number(arch_number) else {
            return Err(ReadError::new(
                2,
                ReadErrorKind::InvalidArch(arch_number),
                CONTEXT,
            ));
        };
        let sub_version = feature & 3;
        if arch != Arch::None && sub_version != MPY_SUB_VERSION {
            return Err(ReadError::new(
                2,
                ReadErrorKind::UnsupportedSubVersion(sub_version),
                CONTEXT,
            ));
        }
        let small_int_bits = self.u8(CONTEXT)?;
        let arch_flags = if feature & FEATURE_ARCH_FLAGS != 0 {
            Some(self.vuint_u32("arch flags")?)
        } else {
            None
        };
        Ok(Header {
            version,
            sub_version,
            arch,
            arch_flags,
            small_int_bits,
        })
    }

    fn qstr(&mut self) -> Result<QstrEntry, ReadError> {
        const CONTEXT: &str = "qstr table";
        let at = self.pos;
        let v = self.vuint(CONTEXT)?;
        if v & 1 != 0 {
            let n = u32::try_from(v >> 1)
                .map_err(|_| ReadError::new(at, ReadErrorKind::Overflow, CONTEXT))?;
            return Ok(QstrEntry::Static(n));
        }
        let len = usize::try_from(v >> 1).unwrap_or(usize::MAX);
        let bytes = self.bytes(len, CONTEXT)?.to_vec();
        self.nul(CONTEXT)?;
        Ok(QstrEntry::Inline(bytes))
    }

    fn text(&mut self, context: &'static str) -> Result<String, ReadError> {
        let len = self.count(1, context)?;
        let at = self.pos;
        let bytes = self.bytes(len, context)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| ReadError::new(at, ReadErrorKind::InvalidText, context))
    }

    fn constant(&mut self, depth: usize) -> Result<Constant, ReadError> {
        const CONTEXT: &str = "constant table";
        let at = self.pos;
        if depth > MAX_NESTING {
            return Err(ReadError::new(at, ReadErrorKind::TooDeep, "constant tuple"));
        }
        let type_byte = self.u8(CONTEXT)?;
        Ok(match type_byte {
            0 => Constant::FunTable,
            1 => Constant::None,
            2 => Constant::False,
            3 => Constant::True,
            4 => Constant::Ellipsis,
            5 | 6 => {
                let len = self.count(1, CONTEXT)?;
                let bytes = self.bytes(len, CONTEXT)?.to_vec();
                self.nul(CONTEXT)?;
                if type_byte == 5 {
                    Constant::Str(bytes)
                } else {
                    Constant::Bytes(bytes)
                }
            }
            7 => Constant::Int(self.text(CONTEXT)?),
            8 => Constant::Float(self.text(CONTEXT)?),
            9 => Constant::Complex(self.text(CONTEXT)?),
            10 => {
                let n = self.count(1, "constant tuple")?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant(depth + 1)?);
                }
                Constant::Tuple(items)
            }
            other => {
                return Err(ReadError::new(
                    at,
                    ReadErrorKind::UnknownObjectType(other),
                    CONTEXT,
                ))
            }
        })
    }

    fn raw_code(&mut self, depth: usize) -> Result<RawCode, ReadError> {
        const CONTEXT: &str = "raw code";
        if depth > MAX_NESTING {
            return Err(ReadError::new(self.pos, ReadErrorKind::TooDeep, CONTEXT));
        }
        let kind_len = self.vuint(CONTEXT)?;
        #[allow(clippy::cast_possible_truncation)]
        let kind = RawCodeKind::from_bits(kind_len as u8);
        let has_children = kind_len & 4 != 0;
        let fun_data_len = usize::try_from(kind_len >> 3).unwrap_or(usize::MAX);
        let fun_data = self.bytes(fun_data_len, "function data")?.to_vec();
        let mut rc = RawCode::bytecode(fun_data, Vec::new());
        rc.kind = kind;
        match kind {
            RawCodeKind::Bytecode => {}
            RawCodeKind::NativePy => {
                let at = self.pos;
                rc.prelude_offset = self.vuint("native prelude offset")?;
                if rc.prelude_offset >= rc.fun_data.len() as u64 {
                    return Err(ReadError::new(
                        at,
                        ReadErrorKind::PreludeOutOfRange(rc.prelude_offset),
                        "native raw code",
                    ));
                }
            }
            RawCodeKind::Viper => {
                rc.scope_flags = self.vuint("viper scope flags")?;
                let rodata_len = if rc.scope_flags & SCOPE_FLAG_VIPERRODATA != 0 {
                    self.count(1, "viper rodata")?
                } else {
                    0
                };
                if rc.scope_flags & SCOPE_FLAG_VIPERBSS != 0 {
                    rc.viper_bss_size = self.vuint("viper bss size")?;
                }
                rc.viper_rodata = self.bytes(rodata_len, "viper rodata")?.to_vec();
            }
            RawCodeKind::Asm => {
                rc.scope_flags = self.vuint("asm scope flags")?;
                rc.asm_n_pos_args = self.vuint("asm argument count")?;
                rc.asm_type_sig = self.vuint("asm type signature")?;
            }
        }
        if has_children {
            let n = self.count(1, "raw code children")?;
            rc.children.reserve_exact(n);
            for _ in 0..n {
                rc.children.push(self.raw_code(depth + 1)?);
            }
        }
        if kind == RawCodeKind::Viper && rc.scope_flags & SCOPE_FLAG_VIPERRELOC != 0 {
            rc.viper_relocations = self.relocations()?;
        }
        Ok(rc)
    }

    /// The relocation stream of a viper raw code, verbatim up to and including its `0xff`.
    fn relocations(&mut self) -> Result<Vec<u8>, ReadError> {
        const CONTEXT: &str = "viper relocations";
        let start = self.pos;
        loop {
            let mut op = self.u8(CONTEXT)?;
            if op == 0xff {
                break;
            }
            if op & 1 != 0 {
                self.vuint(CONTEXT)?;
            }
            op >>= 1;
            if op <= 5 && op & 1 != 0 {
                self.vuint(CONTEXT)?;
            }
        }
        Ok(self.data[start..self.pos].to_vec())
    }
}

impl MpyFile {
    /// Read a whole `.mpy` v6.3 file.
    ///
    /// # Errors
    /// A [`ReadError`] with the offset of the first byte that does not fit the format.
    pub fn read(data: &[u8]) -> Result<Self, ReadError> {
        let mut reader = Reader { data, pos: 0 };
        let header = reader.header()?;
        let n_qstr = reader.count(1, "qstr table")?;
        let n_obj = reader.count(1, "constant table")?;
        if n_qstr + n_obj > reader.remaining() {
            return Err(ReadError::new(
                reader.pos,
                ReadErrorKind::CountTooLarge(n_obj as u64),
                "constant table",
            ));
        }
        let mut qstrs = Vec::with_capacity(n_qstr);
        for _ in 0..n_qstr {
            qstrs.push(reader.qstr()?);
        }
        let mut constants = Vec::with_capacity(n_obj);
        for _ in 0..n_obj {
            constants.push(reader.constant(0)?);
        }
        let root = reader.raw_code(0)?;
        if reader.remaining() != 0 {
            return Err(ReadError::new(
                reader.pos,
                ReadErrorKind::TrailingData(reader.remaining()),
                "file",
            ));
        }
        Ok(Self {
            header,
            qstrs,
            constants,
            root,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    const T1: &[u8] = &[
        0x4d, 0x06, 0x00, 0x1f, 0x03, 0x00, 0x0a, b't', b'1', b'.', b'p', b'y', 0x00, 0x0f, 0x02,
        b'x', 0x00, 0x40, 0x00, 0x02, 0x01, 0x81, 0x16, 0x02, 0x51, 0x63,
    ];

    #[test]
    fn reads_and_round_trips_the_reference_example() {
        let file = MpyFile::read(T1).unwrap();
        assert_eq!(file.qstrs[1], QstrEntry::Static(7));
        assert_eq!(file.root.fun_data.len(), 8);
        assert_eq!(file.write(), T1);
    }

    #[test]
    fn every_truncation_is_an_error_with_an_offset() {
        for len in 0..T1.len() {
            let err = MpyFile::read(&T1[..len]).unwrap_err();
            assert!(err.offset() <= len, "{err}");
        }
    }

    #[test]
    fn header_messages() {
        let msg = |bytes: &[u8]| MpyFile::read(bytes).unwrap_err().to_string();
        assert_eq!(
            msg(b"C\x05\x00\x1f"),
            "CircuitPython .mpy ('C' header); recompile with mpy-cross 1.29 (at offset 0x0)"
        );
        assert_eq!(
            msg(b"#!"),
            "not a .mpy file (first byte is not 'M') (at offset 0x0)"
        );
        assert!(msg(b"M\x05\x00\x1f")
            .starts_with("compiled for .mpy v5 (MicroPython 1.12\u{2013}1.18); recompile"));
        assert!(msg(b"M\x06\x16\x1f").contains("v6.2"));
        assert!(msg(b"M\x06\x3b\x1f").contains("invalid native architecture number 14"));
        assert_eq!(msg(b"M\x06\x00"), "truncated header (at offset 0x3)");
        assert_eq!(
            msg(b"M\x06\x00\x1f\x7f\x00"),
            "qstr table count 127 exceeds the bytes left in the file (at offset 0x4)"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        // A constant table of one tuple nested far too deep.
        let mut bytes = vec![0x4d, 0x06, 0x00, 0x1f, 0x00, 0x01];
        for _ in 0..1000 {
            bytes.extend_from_slice(&[10, 1]);
        }
        bytes.push(1);
        let err = MpyFile::read(&bytes).unwrap_err();
        assert_eq!(err.kind(), ReadErrorKind::TooDeep);
    }
}
