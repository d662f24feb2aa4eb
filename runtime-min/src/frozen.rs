//! Modules from a frozen image (docs/image-format.md), executed in place through
//! [`mpy_format::image::ImageView`] (after py/persistentcode.c's ROM path and mpy-tool's
//! frozen modules: nothing of the code is copied to RAM).
//!
//! A frozen module is a [`Kind::Module`](crate::heap::Kind::Module) block like a `.mpy`
//! module, but with no RAM tables: word 0 is the image index, `M_QSTRS` holds the module's
//! index in the image's module table (a small int), `M_CONSTS` and `M_CODES` are NULL, and
//! `M_FROZEN_QSTR_TABLE` / `M_FROZEN_QSTR_COUNT` locate its qstr table (checked on load, so
//! that the interpreter reads a name with one word load).
//! Everything else is read from the image on use:
//!
//! - a qstr is `QSTR_IMAGE_BIT | image << 24 | string-record offset`: the pool is
//!   deduplicated, so the offset is the string's identity and its bytes are read in place;
//! - `LOAD_CONST_OBJ n` decodes constant record `n`: str and bytes become references into
//!   the image, small ints are immediate; floats, big ints and tuples are allocated per load;
//! - a code index is the raw-code record offset divided by 4 (`MAKE_FUNCTION c` follows the
//!   record's child table).
//!
//! So a module costs RAM only for its module block, its globals dict and the objects its
//! code creates.

use crate::heap::Kind;
use crate::loader::{
    COMPLEX_PLACEHOLDER, MODULE_WORDS, M_CODES, M_CONSTS, M_FROZEN_QSTR_COUNT, M_FROZEN_QSTR_TABLE,
    M_GLOBALS, M_NAME, M_QSTRS,
};
use crate::obj::{Imm, Obj, Qstr, QSTR_IMAGE_BIT};
use crate::vm::{PyResult, Vm};
use mpy_format::image::{ConstRef, ImageView, ModuleEntry, RawCodeRef, StrRef};

/// Magic of a frozen image.
pub(crate) const IMAGE_MAGIC: &[u8; 4] = b"MPYI";
/// Largest string-record offset a qstr id can carry.
const MAX_QSTR_OFFSET: u32 = 1 << 23;
/// Largest string-record offset a `RomBytes` immediate can carry.
const MAX_BYTES_OFFSET: u32 = 1 << 20;
/// Largest code index (raw-code offset / 4) a function object can carry.
const MAX_CODE_INDEX: u32 = 1 << 20;
/// Nesting limit for tuple constants.
const MAX_CONST_DEPTH: u32 = 16;
/// Longest module name looked up in an image.
const MAX_NAME: usize = 240;

/// Whether `data` is a frozen image (rather than a `.mpy` file).
pub(crate) fn is_image(data: &[u8]) -> bool {
    data.get(..4) == Some(IMAGE_MAGIC.as_slice())
}

/// The bytes of the string record at `off` of a frozen image (empty if out of bounds).
pub(crate) fn image_record_str(image: &[u8], off: usize) -> &[u8] {
    let (Some(&a), Some(&b)) = (image.get(off), image.get(off.wrapping_add(1))) else {
        return &[];
    };
    let len = usize::from(u16::from_le_bytes([a, b]));
    off.checked_add(4)
        .and_then(|start| image.get(start..start.checked_add(len)?))
        .unwrap_or(&[])
}

/// Find module `name` (dotted, as imported) in `view`: `a/b.py`, then `a/b/__init__.py`.
pub(crate) fn find_in_image(view: &ImageView<'_>, name: &[u8]) -> Option<(u32, ModuleEntry)> {
    locate_in_image(view, name).map(|(index, entry, _)| (index, entry))
}

/// Whether module `name` is found in `view` as `a/b/__init__.py` (not as `a/b.py`).
pub(crate) fn is_package_in_image(view: &ImageView<'_>, name: &[u8]) -> bool {
    locate_in_image(view, name).is_some_and(|(_, _, package)| package)
}

/// Whether `name` is a directory of `view`'s modules without an `__init__.py` of its own
/// (`a/b/c.py` frozen, no `a/b.py` nor `a/b/__init__.py`): a namespace package, which
/// MicroPython imports as an empty module with a `__path__`.
pub(crate) fn is_namespace_in_image(view: &ImageView<'_>, name: &[u8]) -> bool {
    if name.is_empty() || name.len() > MAX_NAME || locate_in_image(view, name).is_some() {
        return false;
    }
    (0..view.header().n_modules).any(|i| {
        let Some(path) = view
            .module(i)
            .ok()
            .and_then(|m| view.str_at(m.name).ok())
            .map(|s| s.bytes)
        else {
            return false;
        };
        path.len() > name.len()
            && path[name.len()] == b'/'
            && path
                .iter()
                .zip(name)
                .all(|(&p, &c)| p == if c == b'.' { b'/' } else { c })
    })
}

/// [`find_in_image`], also telling whether the match was a package's `__init__.py`.
fn locate_in_image(view: &ImageView<'_>, name: &[u8]) -> Option<(u32, ModuleEntry, bool)> {
    let mut buf = [0u8; MAX_NAME + 12];
    if name.is_empty() || name.len() > MAX_NAME {
        return None;
    }
    for (i, &c) in name.iter().enumerate() {
        buf[i] = if c == b'.' { b'/' } else { c };
    }
    let n = name.len();
    for (suffix, package) in [
        (b".py".as_slice(), false),
        (b"/__init__.py".as_slice(), true),
    ] {
        buf[n..n + suffix.len()].copy_from_slice(suffix);
        if let Ok(Some((index, entry))) = view.find_module(&buf[..n + suffix.len()]) {
            return Some((index, entry, package));
        }
    }
    None
}

/// A frozen module's place in its image.
pub(crate) struct FrozenModule<'a> {
    pub view: ImageView<'a>,
    pub entry: ModuleEntry,
    pub image: u32,
}

impl<'a> Vm<'a> {
    /// Load module `name` (a str object) from the frozen image `data` and return the
    /// module block (its top-level code is not yet run). `ImportError` if absent.
    pub(crate) fn load_frozen(&mut self, data: &'a [u8], name: Obj) -> PyResult<Obj> {
        let bad =
            |vm: &mut Vm<'a>, what: &str| vm.raise_msg_str(crate::builtins::T_VALUE_ERROR, what);
        let Ok(view) = ImageView::new(data) else {
            return Err(bad(self, "incompatible frozen image"));
        };
        let mut buf = [0u8; MAX_NAME];
        let name_bytes = self.str_data(name).unwrap_or(b"");
        let found = find_in_image(&view, name_bytes);
        let shown = name_bytes.len().min(MAX_NAME);
        buf[..shown].copy_from_slice(&name_bytes[..shown]);
        let Some((index, entry)) = found else {
            let n = core::str::from_utf8(&buf[..shown]).unwrap_or("?");
            return Err(self.raise_parts(
                crate::builtins::T_IMPORT_ERROR,
                &[&"no module named '", &n, &"'"],
            ));
        };
        if entry.arch != 0 {
            return Err(bad(self, "native code in frozen image unsupported"));
        }
        if entry.raw_code / 4 >= MAX_CODE_INDEX {
            return Err(bad(self, "frozen image too large"));
        }
        let image = self.add_image(view.bytes())?;
        // Every qstr-table entry must be a string record a qstr id can carry: then
        // `frozen_qstr_at` may read the table without decoding it again.
        let qstrs_ok = (0..entry.n_qstrs).all(|i| {
            view.qstr(&entry, i)
                .is_ok_and(|s| Self::frozen_qstr(image, &s).is_some())
        });
        let table_ok = entry.qstr_table < 1 << 30 && entry.n_qstrs < 1 << 30;
        if !qstrs_ok || !table_ok {
            return Err(bad(self, "corrupt qstr table"));
        }
        let base = self.roots_len();
        self.push_root(name);
        let r = (|| {
            let globals = self.new_dict(0)?;
            self.push_root(globals);
            let module = self.alloc(Kind::Module, MODULE_WORDS)?;
            self.heap.set(module, 0, image);
            #[allow(clippy::cast_possible_wrap)]
            self.heap
                .set_obj(module, M_QSTRS, Obj::small_sat(i64::from(index)));
            self.heap.set_obj(module, M_CONSTS, Obj::NULL);
            self.heap.set_obj(module, M_CODES, Obj::NULL);
            let table = Obj::small_sat(i64::from(entry.qstr_table));
            self.heap.set_obj(module, M_FROZEN_QSTR_TABLE, table);
            let count = Obj::small_sat(i64::from(entry.n_qstrs));
            self.heap.set_obj(module, M_FROZEN_QSTR_COUNT, count);
            self.heap.set_obj(module, M_GLOBALS, globals);
            self.heap.set_obj(module, M_NAME, name);
            Ok(Obj::heap(module))
        })();
        self.truncate_roots(base);
        r
    }

    /// A frozen module's index in its image's module table, where a `.mpy` module has its
    /// qstr table; None for `.mpy` (and built-in) modules.
    #[inline]
    pub(crate) fn frozen_index(&self, module: Obj) -> Option<i64> {
        self.heap.get_obj(module.bits(), M_QSTRS).as_small()
    }

    /// The image place of a module loaded from a frozen image; None for `.mpy` modules.
    #[inline]
    pub(crate) fn frozen_module(&self, module: Obj) -> Option<FrozenModule<'a>> {
        let index = self.frozen_index(module)?;
        self.frozen_module_entry(module, index)
    }

    #[inline(never)]
    fn frozen_module_entry(&self, module: Obj, index: i64) -> Option<FrozenModule<'a>> {
        let view = self.frozen_view(module)?;
        let entry = view.module(u32::try_from(index).ok()?).ok()?;
        Some(FrozenModule {
            view,
            entry,
            image: self.heap.get(module.bits(), 0),
        })
    }

    /// Qstr `i` of a frozen module's table (checked when the module was loaded); None for a
    /// module that is not frozen or an index out of range.
    #[inline]
    pub(crate) fn frozen_qstr_at(&self, module: Obj, i: u32) -> Option<Qstr> {
        let m = module.bits();
        let table = self.heap.get_obj(m, M_FROZEN_QSTR_TABLE).as_small()?;
        let count = self.heap.get_obj(m, M_FROZEN_QSTR_COUNT).as_small()?;
        if i64::from(i) >= count {
            return None;
        }
        let image = self.heap.get(m, 0);
        let at = usize::try_from(table).ok()?.checked_add(i as usize * 4)?;
        let word = self.image(image).get(at..at.checked_add(4)?)?;
        let offset = u32::from_le_bytes(word.try_into().ok()?);
        Some(QSTR_IMAGE_BIT | (image << 24) | offset)
    }

    /// The image view of a frozen module (without decoding its module record: code lookups
    /// need only the view); None for `.mpy` modules.
    #[inline]
    pub(crate) fn frozen_view(&self, module: Obj) -> Option<ImageView<'a>> {
        self.frozen_index(module)?;
        let image = self.image(self.heap.get(module.bits(), 0));
        if !is_image(image) {
            return None;
        }
        ImageView::new(image).ok()
    }

    /// The qstr id of string record `s` of image `image`.
    pub(crate) fn frozen_qstr(image: u32, s: &StrRef<'_>) -> Option<Qstr> {
        (s.offset < MAX_QSTR_OFFSET).then_some(QSTR_IMAGE_BIT | (image << 24) | s.offset)
    }

    /// Code index (raw-code offset / 4) of a frozen module's top-level code.
    pub(crate) fn frozen_root_index(&self, module: Obj) -> Option<u32> {
        self.frozen_module(module).map(|f| f.entry.raw_code / 4)
    }

    /// The bytecode raw-code record at code index `index`.
    pub(crate) fn frozen_raw_code(view: &ImageView<'a>, index: u32) -> Option<RawCodeRef<'a>> {
        let rc = view.raw_code(index.checked_mul(4)?).ok()?;
        (rc.kind == 0).then_some(rc)
    }

    /// Code index of child `child` of the code at `index`.
    pub(crate) fn frozen_child_index(view: &ImageView<'a>, index: u32, child: u32) -> Option<u32> {
        let rc = Self::frozen_raw_code(view, index)?;
        let c = view.child(&rc, u16::try_from(child).ok()?).ok()?;
        (c.offset / 4 < MAX_CODE_INDEX).then_some(c.offset / 4)
    }

    /// `LOAD_CONST_OBJ n` of a frozen module.
    pub(crate) fn frozen_const(&mut self, f: &FrozenModule<'a>, n: u32) -> PyResult<Obj> {
        let Ok(c) = f.view.constant(&f.entry, n) else {
            return Err(self.raise_msg_str(crate::builtins::T_RUNTIME_ERROR, "corrupt bytecode"));
        };
        self.const_obj(f, c, 0)
    }

    fn const_obj(&mut self, f: &FrozenModule<'a>, c: ConstRef<'a>, depth: u32) -> PyResult<Obj> {
        let corrupt = |vm: &mut Vm<'a>| {
            vm.raise_msg_str(crate::builtins::T_RUNTIME_ERROR, "corrupt bytecode")
        };
        Ok(match c {
            ConstRef::FunTable => return Err(corrupt(self)),
            ConstRef::None => Obj::NONE,
            ConstRef::False => Obj::FALSE,
            ConstRef::True => Obj::TRUE,
            ConstRef::Ellipsis => Obj::ELLIPSIS,
            ConstRef::Str(s) => match Self::frozen_qstr(f.image, &s) {
                Some(q) => Obj::qstr(q),
                None => self.new_str_bytes(s.bytes)?,
            },
            ConstRef::Bytes(s) => {
                if s.offset < MAX_BYTES_OFFSET {
                    Obj::imm(Imm::RomBytes, (f.image << 20) | s.offset)
                } else {
                    self.new_bytes(s.bytes)?
                }
            }
            ConstRef::Int(v) => self.new_int(v)?,
            ConstRef::BigInt(text) => match self.parse_int(text, 10)? {
                Some(o) => o,
                None => return Err(corrupt(self)),
            },
            ConstRef::Float(_) if !cfg!(feature = "float") => return Err(self.no_float()),
            ConstRef::Float(v) => self.new_float(v)?,
            ConstRef::Complex(..) if !cfg!(feature = "complex") => COMPLEX_PLACEHOLDER,
            ConstRef::Complex(real, imag) => self.new_complex(real, imag)?,
            ConstRef::Tuple { items, len } => {
                if depth > MAX_CONST_DEPTH || len as usize > f.view.bytes().len() {
                    return Err(corrupt(self));
                }
                let t = self.alloc(Kind::Tuple, len + 1)?;
                self.heap.set(t, 0, len);
                for i in 0..len {
                    self.heap.set_obj(t, i + 1, Obj::NONE);
                }
                self.push_root(Obj::heap(t));
                let r = (|| {
                    for i in 0..len {
                        let Ok(item) = f.view.tuple_item(items, len, i) else {
                            return Err(corrupt(self));
                        };
                        let o = self.const_obj(f, item, depth + 1)?;
                        self.heap.set_obj(t, i + 1, o);
                    }
                    Ok(())
                })();
                self.pop_root();
                r?;
                Obj::heap(t)
            }
        })
    }
}
