//! Code sources and the in-place `.mpy` v6.3 loader (after py/persistentcode.c's
//! `mp_raw_code_load` on the ROMFS path: tables are small RAM index arrays, bytecode and
//! string bytes stay in the image).
//!
//! A loaded module is a [`Kind::Module`] block:
//! raw `[image]`, then `[qstr table (Words), const table (Array), code table (Words), globals, name]`.
//! The code table has four words per raw code: `fun_data offset, fun_data length, first child
//! index, child count`; entry 0 is the module's top-level code.
//!
//! Frozen images (`mpy-freeze --image`, docs/image-format.md) need none of these RAM tables:
//! see `frozen.rs`. A [`CodeSource`] returns either a module's `.mpy` bytes or the whole
//! image holding it ([`FrozenImage`]); `Vm::load_code` tells them apart by the magic.

use crate::heap::Kind;
use crate::obj::{Imm, Obj, QSTR_IMAGE_BIT};
use crate::vm::{PyResult, Vm};

/// Where the VM finds module code.
pub trait CodeSource<'a> {
    /// The code of module `name` (dotted), if present: its `.mpy` bytes, or a whole frozen
    /// image that holds it (see [`FrozenImage`]).
    fn find(&self, name: &[u8]) -> Option<&'a [u8]>;

    /// Whether module `name` is a package (`name/__init__.py`): it gets a `__path__`, and
    /// relative imports inside it start from it rather than from its parent.
    fn is_package(&self, name: &[u8]) -> bool {
        let _ = name;
        false
    }

    /// Whether `name` (dotted) is a namespace package: a directory of modules without an
    /// `__init__.py`, imported as an empty module with a `__path__`.
    fn is_namespace(&self, name: &[u8]) -> bool {
        let _ = name;
        false
    }
}

/// A code source over a fixed list of `(module name, .mpy bytes)` pairs.
pub struct MpyList<'a> {
    /// The modules.
    pub modules: &'a [(&'a str, &'a [u8])],
}

impl<'a> CodeSource<'a> for MpyList<'a> {
    fn find(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.modules
            .iter()
            .find(|(n, _)| n.as_bytes() == name)
            .map(|(_, b)| *b)
    }
}

/// A code source over one frozen image (docs/image-format.md): every module in it is
/// importable, executed in place.
pub struct FrozenImage<'a> {
    /// The image bytes (4-byte aligned).
    pub image: &'a [u8],
}

impl<'a> FrozenImage<'a> {
    /// Names of the image's modules as frozen (`pkg/mod.py`), in image order.
    pub fn module_names(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        let view = mpy_format::image::ImageView::new(self.image).ok();
        let n = view.as_ref().map_or(0, |v| v.header().n_modules);
        (0..n).filter_map(move |i| {
            let v = view.as_ref()?;
            let m = v.module(i).ok()?;
            v.str_at(m.name).ok().map(|s| s.bytes)
        })
    }
}

impl<'a> CodeSource<'a> for FrozenImage<'a> {
    fn find(&self, name: &[u8]) -> Option<&'a [u8]> {
        let view = mpy_format::image::ImageView::new(self.image).ok()?;
        crate::frozen::find_in_image(&view, name).map(|_| self.image)
    }

    fn is_package(&self, name: &[u8]) -> bool {
        mpy_format::image::ImageView::new(self.image)
            .ok()
            .is_some_and(|view| crate::frozen::is_package_in_image(&view, name))
    }

    fn is_namespace(&self, name: &[u8]) -> bool {
        mpy_format::image::ImageView::new(self.image)
            .ok()
            .is_some_and(|view| crate::frozen::is_namespace_in_image(&view, name))
    }
}

/// The raw word of a module without code (a built-in or firmware module): no image, and its
/// attributes are read-only.
pub(crate) const M_BUILTIN_READ_ONLY: u32 = u32::MAX;
/// The raw word of a module without code whose attributes can be set (`import __main__`).
pub(crate) const M_BUILTIN_WRITABLE: u32 = u32::MAX - 1;

/// Module block field indices (after the one raw word).
pub(crate) const M_QSTRS: u32 = 1;
pub(crate) const M_CONSTS: u32 = 2;
pub(crate) const M_CODES: u32 = 3;
pub(crate) const M_GLOBALS: u32 = 4;
pub(crate) const M_NAME: u32 = 5;
/// A frozen module's qstr table: its offset in the image (a small int; NULL for other
/// modules), so that a qstr is read without decoding the image's module record.
pub(crate) const M_FROZEN_QSTR_TABLE: u32 = 6;
/// The number of entries of [`M_FROZEN_QSTR_TABLE`] (a small int).
pub(crate) const M_FROZEN_QSTR_COUNT: u32 = 7;
/// Words of a module block (after its header).
pub(crate) const MODULE_WORDS: u32 = 8;

/// Stands in for a complex constant without the `complex` feature; `LOAD_CONST_OBJ` of it
/// raises `NotImplementedError`.
pub(crate) const COMPLEX_PLACEHOLDER: Obj = Obj::imm(Imm::Const, 8);

/// Maximum raw-code nesting accepted.
const MAX_NESTING: u32 = 48;
/// Largest image offset a qstr id can carry.
const MAX_QSTR_OFFSET: usize = 1 << 23;
/// Flag in an image qstr id: the length vuint is the plain length (str constants), not `len << 1`.
pub(crate) const QSTR_PLAIN_LEN: u32 = 1 << 23;

/// A bounds-checked reader over an image.
pub(crate) struct Reader<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn u8(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    /// A vuint, most-significant group first.
    pub fn vuint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for _ in 0..5 {
            let b = self.u8()?;
            v = v.checked_mul(128)? | u32::from(b & 0x7f);
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    pub fn skip(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
}

/// Length and start of a string stored at `off` (`vuint len`, bytes), for image qstr ids.
/// In a frozen image, the string record at `off` (`plain` is then irrelevant).
pub(crate) fn image_str(image: &[u8], off: usize, plain: bool) -> &[u8] {
    if crate::frozen::is_image(image) {
        return crate::frozen::image_record_str(image, off);
    }
    let mut r = Reader {
        data: image,
        pos: off,
    };
    let Some(v) = r.vuint() else { return &[] };
    let len = if plain { v } else { v >> 1 };
    r.skip(len as usize).unwrap_or(&[])
}

impl<'a> Vm<'a> {
    /// Load module `name` (a str object) from `data`: a frozen image holding it, or its
    /// `.mpy` file.
    pub(crate) fn load_code(&mut self, data: &'a [u8], name: Obj) -> PyResult<Obj> {
        if crate::frozen::is_image(data) {
            self.load_frozen(data, name)
        } else {
            self.load_mpy(data, name)
        }
    }

    /// Load a `.mpy` image as module `name` (a qstr object) and return the module block
    /// (its top-level code is not yet run).
    pub(crate) fn load_mpy(&mut self, data: &'a [u8], name: Obj) -> PyResult<Obj> {
        let image = self.add_image(data)?;
        self.load_mpy_at(image, data, 0, name)
    }

    /// Load the `.mpy` file at `data[start..]` (`data` is image slot `image`) as module
    /// `name`; offsets into it are kept relative to `data`.
    pub(crate) fn load_mpy_at(
        &mut self,
        image: u32,
        data: &'a [u8],
        start: usize,
        name: Obj,
    ) -> PyResult<Obj> {
        let mut r = Reader { data, pos: start };
        let bad =
            |vm: &mut Vm<'a>, what: &str| vm.raise_msg_str(crate::builtins::T_VALUE_ERROR, what);
        let header = r.skip(4);
        let Some(header) = header else {
            return Err(bad(self, "incompatible .mpy file"));
        };
        if header[0] != b'M' || header[1] != 6 {
            return Err(bad(self, "incompatible .mpy file"));
        }
        if (header[2] >> 2) & 0x2f != 0 {
            return Err(bad(self, "native code in .mpy unsupported"));
        }
        if header[3] > 31 {
            return Err(bad(self, "incompatible .mpy file"));
        }
        if header[2] & 0x40 != 0 && r.vuint().is_none() {
            return Err(bad(self, "incompatible .mpy file"));
        }
        let (Some(n_qstr), Some(n_obj)) = (r.vuint(), r.vuint()) else {
            return Err(bad(self, "truncated .mpy file"));
        };
        if n_qstr as usize > data.len() || n_obj as usize > data.len() {
            return Err(bad(self, "corrupt .mpy file"));
        }
        let base = self.roots_len();
        let module = self.alloc(Kind::Module, MODULE_WORDS)?;
        self.heap.set(module, 0, image);
        self.heap.set_obj(module, M_NAME, name);
        self.push_root(Obj::heap(module));
        let qstrs = self.alloc(Kind::Words, n_qstr)?;
        self.heap.set_obj(module, M_QSTRS, Obj::heap(qstrs));
        for i in 0..n_qstr {
            let at = r.pos;
            let Some(v) = r.vuint() else {
                self.truncate_roots(base);
                return Err(bad(self, "truncated qstr table"));
            };
            let id = if v & 1 == 1 {
                let n = v >> 1;
                if n == 0 || n as usize > mpy_format::static_qstr::STATIC_QSTRS.len() {
                    self.truncate_roots(base);
                    return Err(bad(self, "corrupt qstr table"));
                }
                n
            } else {
                let len = (v >> 1) as usize;
                if r.skip(len).is_none() || r.u8() != Some(0) || at >= MAX_QSTR_OFFSET {
                    self.truncate_roots(base);
                    return Err(bad(self, "truncated qstr table"));
                }
                #[allow(clippy::cast_possible_truncation)]
                let at = at as u32;
                let id = QSTR_IMAGE_BIT | (image << 24) | at;
                // Interned names are unique (py/qstr.c), which lets dicts compare two
                // names of one table by id: a repeated entry takes the first one's id.
                let text = self.qstr_bytes(id);
                (0..i)
                    .map(|j| self.heap.get(qstrs, j))
                    .find(|&p| p & QSTR_IMAGE_BIT != 0 && self.qstr_bytes(p) == text)
                    .unwrap_or(id)
            };
            self.heap.set(qstrs, i, id);
        }
        let consts = self.alloc(Kind::Array, n_obj)?;
        self.heap.set_obj(module, M_CONSTS, Obj::heap(consts));
        for i in 0..n_obj {
            let o = match self.load_const(&mut r, image, 0) {
                Ok(o) => o,
                Err(e) => {
                    self.truncate_roots(base);
                    return Err(e);
                }
            };
            self.heap.set_obj(consts, i, o);
        }
        // Count raw codes, then fill the code table breadth-per-parent.
        let rc_start = r.pos;
        let mut count = 0u32;
        if self.count_raw_codes(&mut r, 0, &mut count).is_none() {
            self.truncate_roots(base);
            return Err(bad(self, "corrupt raw code"));
        }
        let codes = self.alloc(Kind::Words, count.saturating_mul(4))?;
        self.heap.set_obj(module, M_CODES, Obj::heap(codes));
        let mut r = Reader {
            data,
            pos: rc_start,
        };
        let mut next = 1u32;
        if self.fill_raw_code(&mut r, codes, 0, &mut next, 0).is_none() {
            self.truncate_roots(base);
            return Err(bad(self, "corrupt raw code"));
        }
        let globals = self.new_dict(0)?;
        self.heap.set_obj(module, M_GLOBALS, globals);
        self.truncate_roots(base);
        Ok(Obj::heap(module))
    }

    fn load_const(&mut self, r: &mut Reader<'a>, image: u32, depth: u32) -> PyResult<Obj> {
        let trunc = |vm: &mut Vm<'a>| {
            vm.raise_msg_str(crate::builtins::T_VALUE_ERROR, "truncated constant table")
        };
        let Some(kind) = r.u8() else {
            return Err(trunc(self));
        };
        Ok(match kind {
            1 => Obj::NONE,
            2 => Obj::FALSE,
            3 => Obj::TRUE,
            4 => Obj::ELLIPSIS,
            5 | 6 => {
                let at = r.pos;
                let Some(len) = r.vuint() else {
                    return Err(trunc(self));
                };
                if r.skip(len as usize).is_none() || r.u8() != Some(0) {
                    return Err(trunc(self));
                }
                #[allow(clippy::cast_possible_truncation)]
                let at32 = at as u32;
                if kind == 5 && at < MAX_QSTR_OFFSET {
                    Obj::qstr(QSTR_IMAGE_BIT | QSTR_PLAIN_LEN | (image << 24) | at32)
                } else if kind == 6 && at < (1 << 20) {
                    Obj::imm(Imm::RomBytes, (image << 20) | at32)
                } else {
                    let bytes = image_str(r.data, at, true);
                    if kind == 5 {
                        self.new_str_bytes(bytes)?
                    } else {
                        self.new_bytes(bytes)?
                    }
                }
            }
            7..=9 => {
                let Some(len) = r.vuint() else {
                    return Err(trunc(self));
                };
                let Some(text) = r.skip(len as usize) else {
                    return Err(trunc(self));
                };
                match kind {
                    7 => match self.parse_int(text, 10)? {
                        Some(o) => o,
                        None => return Err(trunc(self)),
                    },
                    8 if !cfg!(feature = "float") => return Err(self.no_float()),
                    8 => {
                        let Some(f) = core::str::from_utf8(text).ok().and_then(parse_float_text)
                        else {
                            return Err(trunc(self));
                        };
                        self.new_float(f)?
                    }
                    // An imaginary literal (`2j`); without the `complex` feature loading
                    // the constant raises.
                    _ if !cfg!(feature = "complex") => COMPLEX_PLACEHOLDER,
                    _ => {
                        let imag = text
                            .strip_suffix(b"j")
                            .or_else(|| text.strip_suffix(b"J"))
                            .and_then(|t| core::str::from_utf8(t).ok())
                            .and_then(parse_float_text);
                        let Some(imag) = imag else {
                            return Err(trunc(self));
                        };
                        self.new_complex(0.0, imag)?
                    }
                }
            }
            10 => {
                if depth > 16 {
                    return Err(trunc(self));
                }
                let Some(n) = r.vuint() else {
                    return Err(trunc(self));
                };
                if n as usize > r.data.len() {
                    return Err(trunc(self));
                }
                let t = self.alloc(Kind::Tuple, n + 1)?;
                self.heap.set(t, 0, n);
                self.push_root(Obj::heap(t));
                for i in 0..n {
                    match self.load_const(r, image, depth + 1) {
                        Ok(o) => self.heap.set_obj(t, i + 1, o),
                        Err(e) => {
                            self.pop_root();
                            return Err(e);
                        }
                    }
                }
                self.pop_root();
                Obj::heap(t)
            }
            _ => {
                return Err(
                    self.raise_msg_str(crate::builtins::T_VALUE_ERROR, "corrupt constant table")
                )
            }
        })
    }

    fn count_raw_codes(&self, r: &mut Reader<'a>, depth: u32, count: &mut u32) -> Option<()> {
        if depth > MAX_NESTING {
            return None;
        }
        *count = count.checked_add(1)?;
        let kind_len = r.vuint()?;
        if kind_len & 3 != 0 {
            return None;
        }
        r.skip((kind_len >> 3) as usize)?;
        if kind_len & 4 != 0 {
            let n = r.vuint()?;
            for _ in 0..n {
                self.count_raw_codes(r, depth + 1, count)?;
            }
        }
        Some(())
    }

    fn fill_raw_code(
        &mut self,
        r: &mut Reader<'a>,
        codes: u32,
        index: u32,
        next: &mut u32,
        depth: u32,
    ) -> Option<()> {
        if depth > MAX_NESTING {
            return None;
        }
        let kind_len = r.vuint()?;
        let len = kind_len >> 3;
        let off = u32::try_from(r.pos).ok()?;
        r.skip(len as usize)?;
        let n = if kind_len & 4 != 0 { r.vuint()? } else { 0 };
        let first = *next;
        *next = next.checked_add(n)?;
        self.heap.set(codes, index * 4, off);
        self.heap.set(codes, index * 4 + 1, len);
        self.heap.set(codes, index * 4 + 2, first);
        self.heap.set(codes, index * 4 + 3, n);
        for c in 0..n {
            self.fill_raw_code(r, codes, first + c, next, depth + 1)?;
        }
        Some(())
    }
}

/// Parse a float constant's text as MicroPython's loader does (`mp_parse_num_float`).
pub(crate) fn parse_float_text(s: &str) -> Option<f64> {
    crate::object::float_text::parse_float(s.as_bytes())
}
