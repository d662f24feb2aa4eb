//! The frozen image that runtime-min executes in place (format documented in docs/image-format.md).
//!
//! One contiguous, position-independent blob: every reference inside it is a `u32` byte offset
//! from the image's first byte, every multi-byte integer is little-endian, and every record
//! starts on a 4-byte boundary. The VM needs no RAM for code, qstr strings or str/bytes
//! constants: it reads them where they are.
//!
//! [`ImageView`] is the zero-copy, allocation-free, bounds-checked reader (for the `no_std` VM);
//! [`write_image`] (uses `alloc`) builds an image from `.mpy` models (for `mpy-freeze`).
//! The layout constants below are the single definition both sides use.

use core::fmt;

/// The first four bytes of every image.
pub const MAGIC: [u8; 4] = *b"MPYI";
/// The format version this module reads and writes. A reader rejects any other version.
pub const VERSION: u16 = 1;
/// Size of the image header in bytes.
pub const HEADER_SIZE: usize = 32;
/// Size of one module-table entry.
pub const MODULE_SIZE: usize = 32;
/// Size of a raw-code record before its child offsets.
pub const RAW_CODE_SIZE: usize = 24;
/// Alignment of every record (header, tables, strings, constants, raw codes, machine code).
pub const ALIGN: usize = 4;
/// Flag in a raw-code record: the function is a generator (prelude scope flag 0x01).
pub const RAW_CODE_FLAG_GENERATOR: u8 = 1;

/// Constant-record kinds (the first byte of a constant record).
pub mod const_kind {
    /// `&mp_fun_table` (native code only).
    pub const FUN_TABLE: u8 = 0;
    /// `None`.
    pub const NONE: u8 = 1;
    /// `False`.
    pub const FALSE: u8 = 2;
    /// `True`.
    pub const TRUE: u8 = 3;
    /// `...`.
    pub const ELLIPSIS: u8 = 4;
    /// A str of at most 65535 bytes: `u32` offset of its string record in the pool.
    pub const STR: u8 = 5;
    /// A bytes object of at most 65535 bytes: `u32` offset of its string record in the pool.
    pub const BYTES: u8 = 6;
    /// An int that fits in `i64`: 8 bytes follow.
    pub const INT: u8 = 7;
    /// A float: its IEEE-754 double bits (8 bytes) follow.
    pub const FLOAT: u8 = 8;
    /// A complex: real and imaginary doubles (16 bytes) follow.
    pub const COMPLEX: u8 = 9;
    /// A tuple: `u32 n`, then `n` constant-record offsets.
    pub const TUPLE: u8 = 10;
    /// An int beyond `i64`: `u32 len`, then its decimal text (may start with `-`), NUL.
    pub const BIG_INT: u8 = 11;
    /// A str over 65535 bytes: `u32 len`, bytes, NUL (no precomputed hash).
    pub const LONG_STR: u8 = 12;
    /// A bytes object over 65535 bytes: `u32 len`, bytes, NUL.
    pub const LONG_BYTES: u8 = 13;
}

/// The 16-bit qstr hash stored in string records (`compute_hash` of py/makeqstrdata.py with
/// `MICROPY_QSTR_BYTES_IN_HASH` = 2: djb2 with xor, never 0).
#[must_use]
pub fn qstr_hash(bytes: &[u8]) -> u16 {
    let mut hash: u32 = 5381;
    for &b in bytes {
        hash = hash.wrapping_mul(33) ^ u32::from(b);
    }
    #[allow(clippy::cast_possible_truncation)]
    match (hash & 0xffff) as u16 {
        0 => 1,
        h => h,
    }
}

/// A malformed image: what was being read and the offset where it went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageError {
    /// Byte offset in the image.
    pub offset: usize,
    /// What was wrong.
    pub kind: ImageErrorKind,
}

/// What was wrong with an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageErrorKind {
    /// The image does not start with [`MAGIC`].
    BadMagic,
    /// The image has a version other than [`VERSION`].
    UnsupportedVersion(u16),
    /// A record or field extends past the end of the image.
    OutOfBounds,
    /// A record offset is not 4-byte aligned.
    Misaligned,
    /// An index past the end of its table.
    IndexOutOfRange(u32),
    /// A string record without its terminating NUL.
    MissingNul,
    /// A constant record of unknown kind.
    UnknownConstant(u8),
    /// A raw-code record of unknown kind.
    UnknownRawCode(u8),
}

impl ImageError {
    #[cold]
    const fn new(offset: usize, kind: ImageErrorKind) -> Self {
        Self { offset, kind }
    }
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ImageErrorKind::BadMagic => f.write_str("not a frozen image (bad magic)")?,
            ImageErrorKind::UnsupportedVersion(v) => {
                write!(f, "unsupported image version {v} (expected {VERSION})")?
            }
            ImageErrorKind::OutOfBounds => {
                f.write_str("record extends past the end of the image")?
            }
            ImageErrorKind::Misaligned => f.write_str("record offset is not 4-byte aligned")?,
            ImageErrorKind::IndexOutOfRange(i) => write!(f, "index {i} out of range")?,
            ImageErrorKind::MissingNul => f.write_str("string without terminating NUL")?,
            ImageErrorKind::UnknownConstant(k) => write!(f, "unknown constant kind {k}")?,
            ImageErrorKind::UnknownRawCode(k) => write!(f, "unknown raw-code kind {k}")?,
        }
        write!(f, " (at offset 0x{:x})", self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ImageError {}

/// Results of the image reader.
pub type ImageResult<T> = Result<T, ImageError>;

/// The image header (the first [`HEADER_SIZE`] bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageHeader {
    /// [`VERSION`].
    pub version: u16,
    /// Native architecture of the machine code in the image (`MP_NATIVE_ARCH_*`, 0 for none).
    pub arch: u8,
    /// Smallest small-int width any module was compiled for.
    pub small_int_bits: u8,
    /// Total image size in bytes.
    pub image_size: u32,
    /// Number of modules.
    pub n_modules: u32,
    /// Offset of the module table.
    pub modules_offset: u32,
    /// Offset and size of the string pool (every string record of the image).
    pub strings_offset: u32,
    /// Size of the string pool in bytes.
    pub strings_size: u32,
}

/// A zero-copy view of an image, with bounds-checked accessors.
#[derive(Clone, Copy, Debug)]
pub struct ImageView<'a> {
    data: &'a [u8],
    header: ImageHeader,
}

/// A string record: the bytes (NUL excluded) and the qstr hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrRef<'a> {
    /// Offset of the record in the image: equal strings have equal offsets (the pool is
    /// deduplicated), so the offset can serve as the qstr's identity.
    pub offset: u32,
    /// The string's bytes, in the image.
    pub bytes: &'a [u8],
    /// [`qstr_hash`] of the bytes; 0 ("not computed") for str/bytes constants over 65535 bytes.
    pub hash: u16,
}

/// One module-table entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleEntry {
    /// String-record offset of the module's frozen name (`pkg/mod.py`).
    pub name: u32,
    /// Offset of the module's qstr table (`n_qstrs` `u32` string-record offsets).
    pub qstr_table: u32,
    /// Entries in the qstr table.
    pub n_qstrs: u32,
    /// Offset of the module's constant table (`n_consts` `u32` constant-record offsets).
    pub const_table: u32,
    /// Entries in the constant table.
    pub n_consts: u32,
    /// Offset of the module's top-level raw-code record.
    pub raw_code: u32,
    /// The `.mpy` feature byte's arch number of this module (0 for bytecode only).
    pub arch: u8,
    /// The `.mpy` small-int bits of this module.
    pub small_int_bits: u8,
}

/// A constant, decoded without copying.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstRef<'a> {
    /// `&mp_fun_table`.
    FunTable,
    /// `None`.
    None,
    /// `False`.
    False,
    /// `True`.
    True,
    /// `...`.
    Ellipsis,
    /// A str, in the image.
    Str(StrRef<'a>),
    /// A bytes object, in the image.
    Bytes(StrRef<'a>),
    /// An int that fits in `i64`.
    Int(i64),
    /// An int beyond `i64`, as decimal text in the image.
    BigInt(&'a [u8]),
    /// A float.
    Float(f64),
    /// A complex (real, imaginary).
    Complex(f64, f64),
    /// A tuple: `len` constant-record offsets starting at image offset `items`.
    Tuple {
        /// Offset of the first item offset.
        items: u32,
        /// Number of items.
        len: u32,
    },
}

/// A raw-code record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawCodeRef<'a> {
    /// Offset of the record.
    pub offset: u32,
    /// 0 bytecode, 1 native-py, 2 viper, 3 asm (as in the `.mpy` `kind_len`).
    pub kind: u8,
    /// [`RAW_CODE_FLAG_GENERATOR`].
    pub flags: u8,
    /// Number of children.
    pub n_children: u16,
    /// Offset of the function data in the image.
    pub fun_data_offset: u32,
    /// The function data (bytecode with prelude, or machine code), in the image.
    pub fun_data: &'a [u8],
    /// Native-py: prelude offset inside `fun_data`; 0 otherwise.
    pub prelude_offset: u32,
    /// Viper/asm scope flags; 0 otherwise.
    pub scope_flags: u16,
    /// Asm: number of positional arguments.
    pub asm_n_pos_args: u8,
    /// Asm: type signature.
    pub asm_type_sig: u8,
}

impl<'a> ImageView<'a> {
    /// Check the header of `data` and return a view of it.
    ///
    /// # Errors
    /// Bad magic, another version, or a header whose sizes exceed `data`.
    pub fn new(data: &'a [u8]) -> ImageResult<Self> {
        if data.len() < HEADER_SIZE || data[..4] != MAGIC {
            return Err(ImageError::new(0, ImageErrorKind::BadMagic));
        }
        let version = u16::from_le_bytes([data[4], data[5]]);
        if version != VERSION {
            return Err(ImageError::new(
                4,
                ImageErrorKind::UnsupportedVersion(version),
            ));
        }
        let word =
            |at: usize| u32::from_le_bytes([data[at], data[at + 1], data[at + 2], data[at + 3]]);
        let header = ImageHeader {
            version,
            arch: data[6],
            small_int_bits: data[7],
            image_size: word(8),
            n_modules: word(12),
            modules_offset: word(16),
            strings_offset: word(20),
            strings_size: word(24),
        };
        if header.image_size as usize > data.len() {
            return Err(ImageError::new(8, ImageErrorKind::OutOfBounds));
        }
        let view = Self {
            data: &data[..header.image_size as usize],
            header,
        };
        let table_len = (header.n_modules as usize).checked_mul(MODULE_SIZE);
        view.range(header.modules_offset, table_len)?;
        Ok(view)
    }

    /// The header.
    #[must_use]
    pub const fn header(&self) -> &ImageHeader {
        &self.header
    }

    /// The whole image.
    #[must_use]
    pub const fn bytes(&self) -> &'a [u8] {
        self.data
    }

    fn range(&self, offset: u32, len: Option<usize>) -> ImageResult<&'a [u8]> {
        let start = offset as usize;
        let end = len.and_then(|len| start.checked_add(len));
        match end {
            Some(end) if end <= self.data.len() => Ok(&self.data[start..end]),
            _ => Err(ImageError::new(start, ImageErrorKind::OutOfBounds)),
        }
    }

    fn record(&self, offset: u32, len: usize) -> ImageResult<&'a [u8]> {
        if offset as usize % ALIGN != 0 {
            return Err(ImageError::new(offset as usize, ImageErrorKind::Misaligned));
        }
        self.range(offset, Some(len))
    }

    /// The little-endian `u32` at `offset`.
    ///
    /// # Errors
    /// Out of bounds.
    pub fn u32_at(&self, offset: u32) -> ImageResult<u32> {
        let b = self.range(offset, Some(4))?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64_at(&self, offset: u32) -> ImageResult<u64> {
        let lo = self.u32_at(offset)?;
        let hi = self.u32_at(offset.wrapping_add(4))?;
        Ok(u64::from(hi) << 32 | u64::from(lo))
    }

    /// Entry `index` of a table of `u32` offsets that starts at `table` and has `len` entries.
    ///
    /// # Errors
    /// Index out of range or table out of bounds.
    pub fn table_entry(&self, table: u32, len: u32, index: u32) -> ImageResult<u32> {
        if index >= len {
            return Err(ImageError::new(
                table as usize,
                ImageErrorKind::IndexOutOfRange(index),
            ));
        }
        self.u32_at(table.wrapping_add(index.wrapping_mul(4)))
    }

    /// Module `index` of the module table.
    ///
    /// # Errors
    /// Index out of range.
    pub fn module(&self, index: u32) -> ImageResult<ModuleEntry> {
        if index >= self.header.n_modules {
            return Err(ImageError::new(
                self.header.modules_offset as usize,
                ImageErrorKind::IndexOutOfRange(index),
            ));
        }
        #[allow(clippy::cast_possible_truncation)]
        let at = self.header.modules_offset + index * MODULE_SIZE as u32;
        let rec = self.record(at, MODULE_SIZE)?;
        let word = |i: usize| u32::from_le_bytes([rec[i], rec[i + 1], rec[i + 2], rec[i + 3]]);
        Ok(ModuleEntry {
            name: word(0),
            qstr_table: word(4),
            n_qstrs: word(8),
            const_table: word(12),
            n_consts: word(16),
            raw_code: word(20),
            arch: rec[24],
            small_int_bits: rec[25],
        })
    }

    /// The module whose frozen name is `name` (`b"pkg/mod.py"`), searched linearly.
    ///
    /// # Errors
    /// A malformed module table.
    pub fn find_module(&self, name: &[u8]) -> ImageResult<Option<(u32, ModuleEntry)>> {
        for i in 0..self.header.n_modules {
            let module = self.module(i)?;
            if self.str_at(module.name)?.bytes == name {
                return Ok(Some((i, module)));
            }
        }
        Ok(None)
    }

    /// The string record at `offset`: `u16 len, u16 hash, bytes, NUL`.
    ///
    /// # Errors
    /// Out of bounds, misaligned, or no NUL after the bytes.
    pub fn str_at(&self, offset: u32) -> ImageResult<StrRef<'a>> {
        let head = self.record(offset, 4)?;
        let len = usize::from(u16::from_le_bytes([head[0], head[1]]));
        let hash = u16::from_le_bytes([head[2], head[3]]);
        let body = self.range(offset.wrapping_add(4), Some(len + 1))?;
        if body[len] != 0 {
            return Err(ImageError::new(
                offset as usize + 4 + len,
                ImageErrorKind::MissingNul,
            ));
        }
        Ok(StrRef {
            offset,
            bytes: &body[..len],
            hash,
        })
    }

    /// Qstr `index` of `module`'s qstr table.
    ///
    /// # Errors
    /// Index out of range or a malformed record.
    pub fn qstr(&self, module: &ModuleEntry, index: u32) -> ImageResult<StrRef<'a>> {
        self.str_at(self.table_entry(module.qstr_table, module.n_qstrs, index)?)
    }

    /// Constant `index` of `module`'s constant table.
    ///
    /// # Errors
    /// Index out of range or a malformed record.
    pub fn constant(&self, module: &ModuleEntry, index: u32) -> ImageResult<ConstRef<'a>> {
        self.const_at(self.table_entry(module.const_table, module.n_consts, index)?)
    }

    /// The constant record at `offset`.
    ///
    /// # Errors
    /// Out of bounds, misaligned, or an unknown kind.
    pub fn const_at(&self, offset: u32) -> ImageResult<ConstRef<'a>> {
        use const_kind as k;
        let head = self.record(offset, 4)?;
        let body = offset.wrapping_add(4);
        Ok(match head[0] {
            k::FUN_TABLE => ConstRef::FunTable,
            k::NONE => ConstRef::None,
            k::FALSE => ConstRef::False,
            k::TRUE => ConstRef::True,
            k::ELLIPSIS => ConstRef::Ellipsis,
            k::STR => ConstRef::Str(self.str_at(self.u32_at(body)?)?),
            k::BYTES => ConstRef::Bytes(self.str_at(self.u32_at(body)?)?),
            k::LONG_STR | k::LONG_BYTES => {
                let len = self.u32_at(body)? as usize;
                let data = self.range(body.wrapping_add(4), len.checked_add(1))?;
                if data[len] != 0 {
                    return Err(ImageError::new(
                        body as usize + 4 + len,
                        ImageErrorKind::MissingNul,
                    ));
                }
                let s = StrRef {
                    offset,
                    bytes: &data[..len],
                    hash: 0,
                };
                if head[0] == k::LONG_STR {
                    ConstRef::Str(s)
                } else {
                    ConstRef::Bytes(s)
                }
            }
            #[allow(clippy::cast_possible_wrap)]
            k::INT => ConstRef::Int(self.u64_at(body)? as i64),
            k::FLOAT => ConstRef::Float(f64::from_bits(self.u64_at(body)?)),
            k::COMPLEX => ConstRef::Complex(
                f64::from_bits(self.u64_at(body)?),
                f64::from_bits(self.u64_at(body.wrapping_add(8))?),
            ),
            k::TUPLE => {
                let len = self.u32_at(body)?;
                let items = body.wrapping_add(4);
                self.range(items, (len as usize).checked_mul(4))?;
                ConstRef::Tuple { items, len }
            }
            k::BIG_INT => {
                let len = self.u32_at(body)? as usize;
                let text = self.range(body.wrapping_add(4), Some(len))?;
                ConstRef::BigInt(text)
            }
            other => {
                return Err(ImageError::new(
                    offset as usize,
                    ImageErrorKind::UnknownConstant(other),
                ))
            }
        })
    }

    /// Item `index` of a tuple constant (`items`/`len` from [`ConstRef::Tuple`]).
    ///
    /// # Errors
    /// Index out of range or a malformed record.
    pub fn tuple_item(&self, items: u32, len: u32, index: u32) -> ImageResult<ConstRef<'a>> {
        self.const_at(self.table_entry(items, len, index)?)
    }

    /// The raw-code record at `offset`.
    ///
    /// # Errors
    /// Out of bounds, misaligned, or an unknown kind.
    pub fn raw_code(&self, offset: u32) -> ImageResult<RawCodeRef<'a>> {
        let rec = self.record(offset, RAW_CODE_SIZE)?;
        let word = |i: usize| u32::from_le_bytes([rec[i], rec[i + 1], rec[i + 2], rec[i + 3]]);
        let kind = rec[0];
        if kind > 3 {
            return Err(ImageError::new(
                offset as usize,
                ImageErrorKind::UnknownRawCode(kind),
            ));
        }
        let n_children = u16::from_le_bytes([rec[2], rec[3]]);
        let fun_data_offset = word(4);
        let fun_data = self.range(fun_data_offset, Some(word(8) as usize))?;
        self.range(
            offset.wrapping_add(RAW_CODE_SIZE as u32),
            Some(usize::from(n_children) * 4),
        )?;
        Ok(RawCodeRef {
            offset,
            kind,
            flags: rec[1],
            n_children,
            fun_data_offset,
            fun_data,
            prelude_offset: word(12),
            scope_flags: u16::from_le_bytes([rec[16], rec[17]]),
            asm_n_pos_args: rec[18],
            asm_type_sig: rec[19],
        })
    }

    /// Child `index` of `raw_code`.
    ///
    /// # Errors
    /// Index out of range or a malformed record.
    pub fn child(&self, raw_code: &RawCodeRef<'a>, index: u16) -> ImageResult<RawCodeRef<'a>> {
        #[allow(clippy::cast_possible_truncation)]
        let table = raw_code.offset.wrapping_add(RAW_CODE_SIZE as u32);
        self.raw_code(self.table_entry(table, u32::from(raw_code.n_children), u32::from(index))?)
    }
}

#[cfg(feature = "alloc")]
pub use write::{write_image, ImageLayout, ImageModule, ModuleSizes, WriteImageError};

/// Building images (uses `alloc`; the VM never links it).
#[cfg(feature = "alloc")]
mod write {
    use alloc::collections::BTreeMap;
    use alloc::string::String;
    use alloc::vec::Vec;

    use super::{
        const_kind, qstr_hash, ALIGN, HEADER_SIZE, MAGIC, MODULE_SIZE, RAW_CODE_SIZE, VERSION,
    };
    use crate::model::{Constant, MpyFile, QstrEntry, RawCode, RawCodeKind};

    /// One module to put in an image.
    #[derive(Clone, Copy, Debug)]
    pub struct ImageModule<'m> {
        /// The frozen name (`pkg/mod.py`).
        pub name: &'m str,
        /// The module's `.mpy` model.
        pub mpy: &'m MpyFile,
    }

    /// Why an image could not be built.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct WriteImageError {
        /// Index of the module at fault.
        pub module: usize,
        /// What was wrong.
        pub message: String,
    }

    /// Bytes one module occupies in each region of an image. Shared strings are counted for
    /// the first module that uses them.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    pub struct ModuleSizes {
        /// Module-table entry.
        pub module_entry: usize,
        /// String records (qstrs, str/bytes constants, the name), with padding.
        pub strings: usize,
        /// Qstr table, constant table and constant records.
        pub constants: usize,
        /// Raw-code records and their child tables.
        pub raw_codes: usize,
        /// Bytecode function data.
        pub bytecode: usize,
        /// Machine-code function data (native, viper, asm), with alignment padding.
        pub machine_code: usize,
    }

    /// Where the regions of an image are, and what each module contributes to them.
    ///
    /// Regions are contiguous and in this order: header, module table, strings, constants,
    /// raw codes, bytecode, machine code.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    pub struct ImageLayout {
        /// `(name, offset, size)` of each region, in image order.
        pub regions: Vec<(&'static str, usize, usize)>,
        /// Per module, in module-table order.
        pub modules: Vec<ModuleSizes>,
    }

    fn align(out: &mut Vec<u8>) {
        while out.len() % ALIGN != 0 {
            out.push(0);
        }
    }

    fn put_u32(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }

    fn u32_of(v: usize, module: usize, what: &str) -> Result<u32, WriteImageError> {
        u32::try_from(v).map_err(|_| WriteImageError {
            module,
            message: alloc::format!("{what} too large for the image"),
        })
    }

    /// The builder's state: regions under construction, patched into one image at the end.
    struct Builder {
        strings: Vec<u8>,
        string_offsets: BTreeMap<Vec<u8>, usize>,
        constants: Vec<u8>,
        raw_codes: Vec<u8>,
        bytecode: Vec<u8>,
        machine_code: Vec<u8>,
        /// Fixups: (region, position in region, target region, target offset in region).
        fixups: Vec<(Region, usize, Region, usize)>,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Region {
        Strings,
        Constants,
        RawCodes,
        Bytecode,
        MachineCode,
    }

    impl Builder {
        fn region(&mut self, region: Region) -> &mut Vec<u8> {
            match region {
                Region::Strings => &mut self.strings,
                Region::Constants => &mut self.constants,
                Region::RawCodes => &mut self.raw_codes,
                Region::Bytecode => &mut self.bytecode,
                Region::MachineCode => &mut self.machine_code,
            }
        }

        /// Write a placeholder `u32` to `region` that will hold the image offset of `target`.
        fn reference(&mut self, region: Region, target: (Region, usize)) {
            let at = self.region(region).len();
            self.fixups.push((region, at, target.0, target.1));
            put_u32(self.region(region), 0);
        }

        /// The string record for `bytes` (deduplicated); returns its offset in the string region
        /// and how many bytes were added.
        fn string(
            &mut self,
            bytes: &[u8],
            module: usize,
        ) -> Result<(usize, usize), WriteImageError> {
            if let Some(&at) = self.string_offsets.get(bytes) {
                return Ok((at, 0));
            }
            let len = u16::try_from(bytes.len()).map_err(|_| WriteImageError {
                module,
                message: alloc::format!(
                    "string of {} bytes is too long for the image (max 65535)",
                    bytes.len()
                ),
            })?;
            let at = self.strings.len();
            self.strings.extend_from_slice(&len.to_le_bytes());
            self.strings
                .extend_from_slice(&qstr_hash(bytes).to_le_bytes());
            self.strings.extend_from_slice(bytes);
            self.strings.push(0);
            align(&mut self.strings);
            self.string_offsets.insert(bytes.to_vec(), at);
            Ok((at, self.strings.len() - at))
        }

        /// A constant record; returns its offset in the constant region.
        fn constant(
            &mut self,
            value: &Constant,
            module: usize,
            sizes: &mut super::ModuleSizes,
            depth: usize,
        ) -> Result<usize, WriteImageError> {
            use const_kind as k;
            let err = |message: String| WriteImageError { module, message };
            if depth > 64 {
                return Err(err("constant tuples nested too deeply".into()));
            }
            // Children of tuples first, so the record itself is contiguous.
            let items = match value {
                Constant::Tuple(items) => items
                    .iter()
                    .map(|item| self.constant(item, module, sizes, depth + 1))
                    .collect::<Result<Vec<_>, _>>()?,
                _ => Vec::new(),
            };
            let text_bytes = |s: &str| String::from(s.trim().trim_end_matches(['j', 'J']));
            let start = self.constants.len();
            let head = |kind: u8| [kind, 0, 0, 0];
            match value {
                Constant::FunTable => self.constants.extend_from_slice(&head(k::FUN_TABLE)),
                Constant::None => self.constants.extend_from_slice(&head(k::NONE)),
                Constant::False => self.constants.extend_from_slice(&head(k::FALSE)),
                Constant::True => self.constants.extend_from_slice(&head(k::TRUE)),
                Constant::Ellipsis => self.constants.extend_from_slice(&head(k::ELLIPSIS)),
                Constant::Str(bytes) | Constant::Bytes(bytes) => {
                    let is_str = matches!(value, Constant::Str(_));
                    if bytes.len() <= usize::from(u16::MAX) {
                        // A reference to the (shared) string pool: a str constant and a qstr
                        // with the same text are the same record.
                        let (at, added) = self.string(bytes, module)?;
                        sizes.strings += added;
                        self.constants.extend_from_slice(&head(if is_str {
                            k::STR
                        } else {
                            k::BYTES
                        }));
                        self.reference(Region::Constants, (Region::Strings, at));
                    } else {
                        self.constants.extend_from_slice(&head(if is_str {
                            k::LONG_STR
                        } else {
                            k::LONG_BYTES
                        }));
                        put_u32(
                            &mut self.constants,
                            u32_of(bytes.len(), module, "str constant")?,
                        );
                        self.constants.extend_from_slice(bytes);
                        self.constants.push(0);
                    }
                }
                Constant::Int(text) => match text.trim().parse::<i64>() {
                    Ok(v) => {
                        self.constants.extend_from_slice(&head(k::INT));
                        self.constants.extend_from_slice(&v.to_le_bytes());
                    }
                    Err(_) => {
                        self.constants.extend_from_slice(&head(k::BIG_INT));
                        put_u32(
                            &mut self.constants,
                            u32_of(text.len(), module, "int constant")?,
                        );
                        self.constants.extend_from_slice(text.as_bytes());
                        self.constants.push(0);
                    }
                },
                Constant::Float(text) => {
                    let v = parse_float(text)
                        .ok_or_else(|| err(alloc::format!("bad float constant {text:?}")))?;
                    self.constants.extend_from_slice(&head(k::FLOAT));
                    self.constants.extend_from_slice(&v.to_bits().to_le_bytes());
                }
                Constant::Complex(text) => {
                    let imag = parse_float(&text_bytes(text))
                        .ok_or_else(|| err(alloc::format!("bad complex constant {text:?}")))?;
                    self.constants.extend_from_slice(&head(k::COMPLEX));
                    self.constants
                        .extend_from_slice(&0f64.to_bits().to_le_bytes());
                    self.constants
                        .extend_from_slice(&imag.to_bits().to_le_bytes());
                }
                Constant::Tuple(_) => {
                    self.constants.extend_from_slice(&head(k::TUPLE));
                    put_u32(&mut self.constants, u32_of(items.len(), module, "tuple")?);
                    for item in items {
                        self.reference(Region::Constants, (Region::Constants, item));
                    }
                }
            }
            align(&mut self.constants);
            sizes.constants += self.constants.len() - start;
            Ok(start)
        }

        /// A raw-code record and its descendants; returns the record's offset in its region.
        fn raw_code(
            &mut self,
            rc: &RawCode,
            module: usize,
            sizes: &mut super::ModuleSizes,
            depth: usize,
        ) -> Result<usize, WriteImageError> {
            let err = |message: String| WriteImageError { module, message };
            if depth > 64 {
                return Err(err("raw codes nested too deeply".into()));
            }
            let children = rc
                .children
                .iter()
                .map(|child| self.raw_code(child, module, sizes, depth + 1))
                .collect::<Result<Vec<_>, _>>()?;
            if rc.scope_flags & !0x0f != 0 {
                return Err(err(
                    "native code with relocations (mpy_ld output) cannot be frozen".into(),
                ));
            }
            let (data_region, before, start) = if rc.kind == RawCodeKind::Bytecode {
                (Region::Bytecode, self.bytecode.len(), self.bytecode.len())
            } else {
                let before = self.machine_code.len();
                align(&mut self.machine_code);
                (Region::MachineCode, before, self.machine_code.len())
            };
            self.region(data_region).extend_from_slice(&rc.fun_data);
            // Alignment padding before machine code counts for the function it aligns.
            let added = self.region(data_region).len() - before;
            if rc.kind == RawCodeKind::Bytecode {
                sizes.bytecode += added;
            } else {
                sizes.machine_code += added;
            }
            let n_children =
                u16::try_from(children.len()).map_err(|_| err("too many children".into()))?;
            let generator = rc
                .prelude()
                .and_then(Result::ok)
                .is_some_and(|p| p.signature.scope_flags & 1 != 0);
            let at = self.raw_codes.len();
            self.raw_codes.push(rc.kind as u8);
            self.raw_codes.push(if generator {
                super::RAW_CODE_FLAG_GENERATOR
            } else {
                0
            });
            self.raw_codes.extend_from_slice(&n_children.to_le_bytes());
            self.reference(Region::RawCodes, (data_region, start));
            put_u32(
                &mut self.raw_codes,
                u32_of(rc.fun_data.len(), module, "function data")?,
            );
            put_u32(
                &mut self.raw_codes,
                u32_of(
                    usize::try_from(rc.prelude_offset).unwrap_or(usize::MAX),
                    module,
                    "prelude offset",
                )?,
            );
            let small = |v: u64, what: &str| {
                u8::try_from(v).map_err(|_| err(alloc::format!("{what} {v} too large")))
            };
            #[allow(clippy::cast_possible_truncation)]
            self.raw_codes
                .extend_from_slice(&((rc.scope_flags & 0xffff) as u16).to_le_bytes());
            let n_pos = small(rc.asm_n_pos_args, "asm argument count")?;
            let sig = small(rc.asm_type_sig, "asm type signature")?;
            self.raw_codes.push(n_pos);
            self.raw_codes.push(sig);
            put_u32(&mut self.raw_codes, 0);
            for child in children {
                self.reference(Region::RawCodes, (Region::RawCodes, child));
            }
            sizes.raw_codes += self.raw_codes.len() - at;
            Ok(at)
        }
    }

    /// Parse a float constant's text as the `.mpy` stores it (`inf`, `nan`, repr text) the way
    /// the MicroPython loader does (`crate::float_repr::parse_decimal`, not always correctly
    /// rounded), so the VM sees the value the reference firmware would.
    fn parse_float(text: &str) -> Option<f64> {
        let t = text.trim();
        let (negative, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let value = match body {
            "inf" => f64::INFINITY,
            "nan" => f64::NAN,
            _ if body.starts_with(|c: char| c.is_ascii_digit() || c == '.') => {
                crate::float_repr::parse_decimal(body)
            }
            _ => return None,
        };
        Some(if negative { -value } else { value })
    }

    /// Build an image of `modules` (in this order) and describe its layout.
    ///
    /// # Errors
    /// A module that cannot be represented: strings over 65535 bytes, native code with
    /// relocations, mixed native architectures, or an image over 4 GiB.
    pub fn write_image(
        modules: &[ImageModule<'_>],
    ) -> Result<(Vec<u8>, ImageLayout), WriteImageError> {
        let mut b = Builder {
            strings: Vec::new(),
            string_offsets: BTreeMap::new(),
            constants: Vec::new(),
            raw_codes: Vec::new(),
            bytecode: Vec::new(),
            machine_code: Vec::new(),
            fixups: Vec::new(),
        };
        let mut arch = 0u8;
        let mut small_int_bits = u8::MAX;
        let mut entries = Vec::new();
        let mut layout = ImageLayout::default();
        for (index, module) in modules.iter().enumerate() {
            let mpy = module.mpy;
            let mut sizes = super::ModuleSizes {
                module_entry: MODULE_SIZE,
                ..Default::default()
            };
            let module_arch = mpy.header.arch.number();
            if module_arch != 0 {
                if arch != 0 && arch != module_arch {
                    return Err(WriteImageError {
                        module: index,
                        message: "native architecture differs from other modules".into(),
                    });
                }
                arch = module_arch;
            }
            small_int_bits = small_int_bits.min(mpy.header.small_int_bits);
            let (name, added) = b.string(module.name.as_bytes(), index)?;
            sizes.strings += added;
            // qstr table
            let mut qstr_offsets = Vec::with_capacity(mpy.qstrs.len());
            for q in &mpy.qstrs {
                let bytes = match q {
                    QstrEntry::Inline(bytes) => bytes.as_slice(),
                    QstrEntry::Static(n) => q.bytes().ok_or_else(|| WriteImageError {
                        module: index,
                        message: alloc::format!("unknown static qstr {n}"),
                    })?,
                };
                let (at, added) = b.string(bytes, index)?;
                sizes.strings += added;
                qstr_offsets.push(at);
            }
            let qstr_table = b.constants.len();
            for at in qstr_offsets {
                b.reference(Region::Constants, (Region::Strings, at));
            }
            sizes.constants += b.constants.len() - qstr_table;
            let const_offsets = mpy
                .constants
                .iter()
                .map(|c| b.constant(c, index, &mut sizes, 0))
                .collect::<Result<Vec<_>, _>>()?;
            let const_table = b.constants.len();
            for at in const_offsets {
                b.reference(Region::Constants, (Region::Constants, at));
            }
            sizes.constants += b.constants.len() - const_table;
            let root = b.raw_code(&mpy.root, index, &mut sizes, 0)?;
            entries.push((
                name,
                qstr_table,
                mpy.qstrs.len(),
                const_table,
                mpy.constants.len(),
                root,
                module_arch,
                mpy.header.small_int_bits,
            ));
            layout.modules.push(sizes);
        }
        align(&mut b.bytecode);
        align(&mut b.machine_code);
        // Region offsets.
        let modules_offset = HEADER_SIZE;
        let strings_offset = modules_offset + entries.len() * MODULE_SIZE;
        let constants_offset = strings_offset + b.strings.len();
        let raw_codes_offset = constants_offset + b.constants.len();
        let bytecode_offset = raw_codes_offset + b.raw_codes.len();
        let machine_code_offset = bytecode_offset + b.bytecode.len();
        let image_size = machine_code_offset + b.machine_code.len();
        let too_big = |_| WriteImageError {
            module: 0,
            message: "image larger than 4 GiB".into(),
        };
        u32::try_from(image_size).map_err(too_big)?;
        let base = |r: Region| match r {
            Region::Strings => strings_offset,
            Region::Constants => constants_offset,
            Region::RawCodes => raw_codes_offset,
            Region::Bytecode => bytecode_offset,
            Region::MachineCode => machine_code_offset,
        };
        #[allow(clippy::cast_possible_truncation)]
        let word = |v: usize| (v as u32).to_le_bytes();
        // Module table.
        let mut table = Vec::with_capacity(entries.len() * MODULE_SIZE);
        for (name, qt, nq, ct, nc, root, march, sib) in &entries {
            table.extend_from_slice(&word(strings_offset + name));
            table.extend_from_slice(&word(constants_offset + qt));
            table.extend_from_slice(&word(*nq));
            table.extend_from_slice(&word(constants_offset + ct));
            table.extend_from_slice(&word(*nc));
            table.extend_from_slice(&word(raw_codes_offset + root));
            table.extend_from_slice(&[*march, *sib, 0, 0, 0, 0, 0, 0]);
        }
        // Patch references.
        let fixups = core::mem::take(&mut b.fixups);
        for (region, at, target, offset) in fixups {
            let value = word(base(target) + offset);
            b.region(region)[at..at + 4].copy_from_slice(&value);
        }
        let mut image = Vec::with_capacity(image_size);
        image.extend_from_slice(&MAGIC);
        image.extend_from_slice(&VERSION.to_le_bytes());
        image.push(arch);
        image.push(if small_int_bits == u8::MAX {
            31
        } else {
            small_int_bits
        });
        image.extend_from_slice(&word(image_size));
        image.extend_from_slice(&word(entries.len()));
        image.extend_from_slice(&word(modules_offset));
        image.extend_from_slice(&word(strings_offset));
        image.extend_from_slice(&word(b.strings.len()));
        image.extend_from_slice(&[0; 4]);
        image.extend_from_slice(&table);
        image.extend_from_slice(&b.strings);
        image.extend_from_slice(&b.constants);
        image.extend_from_slice(&b.raw_codes);
        image.extend_from_slice(&b.bytecode);
        image.extend_from_slice(&b.machine_code);
        debug_assert_eq!(image.len(), image_size);
        layout.regions = alloc::vec![
            ("header", 0, HEADER_SIZE),
            ("modules", modules_offset, table.len()),
            ("strings", strings_offset, b.strings.len()),
            ("constants", constants_offset, b.constants.len()),
            ("raw_codes", raw_codes_offset, b.raw_codes.len()),
            ("bytecode", bytecode_offset, b.bytecode.len()),
            ("machine_code", machine_code_offset, b.machine_code.len()),
        ];
        let _ = RAW_CODE_SIZE;
        Ok((image, layout))
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::model::{Constant, Header, MpyFile, QstrEntry, RawCode};

    fn sample() -> MpyFile {
        let child = RawCode::bytecode(vec![0x00, 0x02, 0x03, 0x51, 0x63], Vec::new());
        MpyFile {
            header: Header::default(),
            qstrs: vec![
                QstrEntry::Inline(b"m.py".to_vec()),
                QstrEntry::Static(7),
                QstrEntry::Inline(b"f".to_vec()),
            ],
            constants: vec![
                Constant::Str(b"hello".to_vec()),
                Constant::Int("123456789012345678901234567890".into()),
                Constant::Int("-5".into()),
                Constant::Float("1.5".into()),
                Constant::Tuple(vec![Constant::None, Constant::Bytes(b"ab".to_vec())]),
                Constant::Str(b"f".to_vec()),
                Constant::Bytes(vec![7; 70_000]),
            ],
            root: RawCode::bytecode(
                vec![0x00, 0x02, 0x01, 0x32, 0x00, 0x16, 0x02, 0x51, 0x63],
                vec![child],
            ),
        }
    }

    #[test]
    fn round_trips_through_the_view() {
        let mpy = sample();
        let (image, layout) = write_image(&[
            ImageModule {
                name: "m.py",
                mpy: &mpy,
            },
            ImageModule {
                name: "n.py",
                mpy: &mpy,
            },
        ])
        .expect("writes");
        assert_eq!(
            layout.regions.iter().map(|r| r.2).sum::<usize>(),
            image.len()
        );
        let view = ImageView::new(&image).expect("valid");
        assert_eq!(view.header().n_modules, 2);
        let (_, m) = view.find_module(b"n.py").expect("ok").expect("found");
        assert_eq!(view.qstr(&m, 1).expect("qstr").bytes, b"<module>");
        // Strings are shared: "m.py" (qstr 0 of both) is stored once.
        let m0 = view.module(0).expect("module 0");
        assert_eq!(
            view.qstr(&m0, 0).expect("q").offset,
            view.qstr(&m, 0).expect("q").offset
        );
        assert!(matches!(view.constant(&m, 0), Ok(ConstRef::Str(s)) if s.bytes == b"hello"));
        assert!(
            matches!(view.constant(&m, 1), Ok(ConstRef::BigInt(t)) if t == b"123456789012345678901234567890")
        );
        assert_eq!(view.constant(&m, 2), Ok(ConstRef::Int(-5)));
        assert_eq!(view.constant(&m, 3), Ok(ConstRef::Float(1.5)));
        let Ok(ConstRef::Tuple { items, len }) = view.constant(&m, 4) else {
            panic!("tuple")
        };
        assert_eq!(view.tuple_item(items, len, 0), Ok(ConstRef::None));
        assert!(
            matches!(view.tuple_item(items, len, 1), Ok(ConstRef::Bytes(s)) if s.bytes == b"ab")
        );
        // A str constant and the qstr with the same text share one string record.
        let Ok(ConstRef::Str(f)) = view.constant(&m, 5) else {
            panic!("str")
        };
        assert_eq!(f.offset, view.qstr(&m, 2).expect("qstr").offset);
        assert!(
            matches!(view.constant(&m, 6), Ok(ConstRef::Bytes(b)) if b.bytes.len() == 70_000 && b.hash == 0)
        );
        let root = view.raw_code(m.raw_code).expect("root");
        assert_eq!(root.fun_data, mpy.root.fun_data.as_slice());
        let child = view.child(&root, 0).expect("child");
        assert_eq!(child.fun_data, mpy.root.children[0].fun_data.as_slice());
        assert!(view.child(&root, 1).is_err());
    }

    /// Visit everything reachable from the module table (depth-bounded); returns the count.
    fn walk_all(view: &ImageView<'_>) -> usize {
        fn raw(view: &ImageView<'_>, rc: &RawCodeRef<'_>, depth: usize, seen: &mut usize) {
            *seen += 1;
            if depth > 8 {
                return;
            }
            for i in 0..rc.n_children {
                if let Ok(child) = view.child(rc, i) {
                    raw(view, &child, depth + 1, seen);
                }
            }
        }
        let mut seen = 0;
        for i in 0..view.header().n_modules.min(64) {
            let Ok(m) = view.module(i) else { continue };
            for q in 0..m.n_qstrs.min(256) {
                seen += usize::from(view.qstr(&m, q).is_ok());
            }
            for c in 0..m.n_consts.min(256) {
                if let Ok(ConstRef::Tuple { items, len }) = view.constant(&m, c) {
                    for j in 0..len.min(256) {
                        seen += usize::from(view.tuple_item(items, len, j).is_ok());
                    }
                }
            }
            if let Ok(rc) = view.raw_code(m.raw_code) {
                raw(view, &rc, 0, &mut seen);
            }
        }
        seen
    }

    #[test]
    fn corrupted_images_never_panic() {
        let mpy = sample();
        let (image, _) = write_image(&[ImageModule {
            name: "m.py",
            mpy: &mpy,
        }])
        .expect("writes");
        let intact = walk_all(&ImageView::new(&image).expect("valid"));
        assert!(intact > 5);
        // Every byte of the tables and records; a sample of the long constant's data.
        for at in (0..image.len()).filter(|&a| a < 4096 || a % 997 == 0) {
            for value in [0x00, 0xff, 0x7f, 0x80] {
                let mut bad = image.clone();
                bad[at] = value;
                if let Ok(view) = ImageView::new(&bad) {
                    walk_all(&view);
                }
            }
            if let Ok(view) = ImageView::new(&image[..at]) {
                walk_all(&view);
            }
        }
    }

    #[test]
    fn rejects_bad_images_with_offsets() {
        assert_eq!(
            ImageView::new(b"nope").map(|_| ()),
            Err(ImageError {
                offset: 0,
                kind: ImageErrorKind::BadMagic
            })
        );
        let mpy = sample();
        let (mut image, _) = write_image(&[ImageModule {
            name: "m.py",
            mpy: &mpy,
        }])
        .expect("writes");
        image[4] = 9;
        assert_eq!(
            ImageView::new(&image).map(|_| ()).unwrap_err().kind,
            ImageErrorKind::UnsupportedVersion(9)
        );
        image[4] = 1;
        let truncated = &image[..image.len() - 1];
        assert_eq!(ImageView::new(truncated).map(|_| ()).unwrap_err().offset, 8);
        let view = ImageView::new(&image).expect("valid");
        let m = view.module(0).expect("module");
        assert!(view.qstr(&m, 99).is_err());
        assert_eq!(
            view.raw_code(m.raw_code + 1).unwrap_err().kind,
            ImageErrorKind::Misaligned
        );
    }
}
