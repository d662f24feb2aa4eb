//! Interned strings (after py/qstr.c): the qstr pool the parser and compiler share.
//!
//! Numbering: 0 is the null qstr, 1..=165 are the static qstrs of `.mpy` v6 in
//! [`mpy_format::static_qstr`] order, then the rest of the reference `mpy-cross` build's own
//! pool (only membership matters there: it decides which long string literals become qstrs),
//! then qstrs created while compiling, in creation order.

use std::collections::HashMap;

use mpy_format::static_qstr::{LAST_STATIC_QSTR, STATIC_QSTRS};

/// An interned string (`qstr`). `Qstr(0)` is the null qstr.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Qstr(pub u32);

/// Built-in qstrs of the reference `mpy-cross` that are not static: every one longer than
/// 10 bytes (`MICROPY_ALLOC_PARSE_INTERN_STRING_LEN`; these decide whether a long string
/// literal becomes a qstr, REFERENCE §3.3), plus short names the compiler refers to.
const EXTRA_POOL: [&str; 64] = [
    "Interpolation",
    "StopAsyncIteration",
    "UnicodeError",
    "ViperTypeError",
    "__build_class__",
    "__complex__",
    "__contains__",
    "__repl_print__",
    "__reversed__",
    "__template__",
    "__traceback__",
    "bound_method",
    "difference_update",
    "format_spec",
    "heap_unlock",
    "interpolations",
    "intersection",
    "intersection_update",
    "maximum recursion depth exceeded",
    "string.templatelib",
    "symmetric_difference",
    "symmetric_difference_update",
    "templatelib",
    "unpack_from",
    "vcvt_f32_s32",
    "vcvt_s32_f32",
    "<lambda>",
    "<listcomp>",
    "<dictcomp>",
    "<setcomp>",
    "<genexpr>",
    "native",
    "viper",
    "asm_thumb",
    "asm_xtensa",
    "asm_rv32",
    "__debug__",
    "__path__",
    "__file__",
    "__import__",
    "__locals__",
    "__del__",
    "__aenter__",
    "__aexit__",
    "__anext__",
    "__aiter__",
    "uint",
    "ptr",
    "ptr8",
    "ptr16",
    "ptr32",
    "reg_a",
    "align",
    "label",
    "data",
    "Template",
    "math",
    "pi",
    "e",
    "inf",
    "nan",
    "tau",
    "__future__",
    "<stdin>",
];

impl Qstr {
    /// The null qstr (`MP_QSTRnull`).
    pub const NULL: Qstr = Qstr(0);
    /// `__name__`.
    pub const DUNDER_NAME: Qstr = Qstr(23);
    /// `__module__`.
    pub const DUNDER_MODULE: Qstr = Qstr(22);
    /// `__qualname__`.
    pub const DUNDER_QUALNAME: Qstr = Qstr(26);
    /// `<module>`.
    pub const MODULE_SCOPE: Qstr = Qstr(7);
    /// `<lambda>`.
    pub const LAMBDA_SCOPE: Qstr = Qstr(192);
    /// `<listcomp>`.
    pub const LISTCOMP_SCOPE: Qstr = Qstr(193);
    /// `<dictcomp>`.
    pub const DICTCOMP_SCOPE: Qstr = Qstr(194);
    /// `<setcomp>`.
    pub const SETCOMP_SCOPE: Qstr = Qstr(195);
    /// `<genexpr>`.
    pub const GENEXPR_SCOPE: Qstr = Qstr(196);
    /// `__class__`.
    pub const DUNDER_CLASS: Qstr = Qstr(10);
    /// `super`.
    pub const SUPER: Qstr = Qstr(154);
    /// `range`.
    pub const RANGE: Qstr = Qstr(124);
    /// `const`.
    pub const CONST: Qstr = Qstr(72);
    /// `micropython`.
    pub const MICROPYTHON: Qstr = Qstr(115);
    /// `native`.
    pub const NATIVE: Qstr = Qstr(197);
    /// `viper`.
    pub const VIPER: Qstr = Qstr(198);
    /// `asm_thumb`.
    pub const ASM_THUMB: Qstr = Qstr(199);
    /// `asm_xtensa`.
    pub const ASM_XTENSA: Qstr = Qstr(200);
    /// `asm_rv32`.
    pub const ASM_RV32: Qstr = Qstr(201);
    /// `self`.
    pub const SELF: Qstr = Qstr(137);
    /// `__build_class__`.
    pub const DUNDER_BUILD_CLASS: Qstr = Qstr(170);
    /// `AssertionError`.
    pub const ASSERTION_ERROR: Qstr = Qstr(31);
    /// `__debug__`.
    pub const DUNDER_DEBUG: Qstr = Qstr(202);
    /// `__path__`.
    pub const DUNDER_PATH: Qstr = Qstr(203);
    /// `__main__`.
    pub const DUNDER_MAIN: Qstr = Qstr(21);
    /// `__init__`.
    pub const DUNDER_INIT: Qstr = Qstr(17);
    /// `__template__`.
    pub const DUNDER_TEMPLATE: Qstr = Qstr(175);
    /// `__import__`.
    pub const DUNDER_IMPORT: Qstr = Qstr(205);
    /// `__locals__`.
    pub const DUNDER_LOCALS: Qstr = Qstr(206);
    /// `__del__`.
    pub const DUNDER_DEL: Qstr = Qstr(207);
    /// `format`.
    pub const FORMAT: Qstr = Qstr(84);
    /// `__aenter__`.
    pub const DUNDER_AENTER: Qstr = Qstr(208);
    /// `__aexit__`.
    pub const DUNDER_AEXIT: Qstr = Qstr(209);
    /// `__anext__`.
    pub const DUNDER_ANEXT: Qstr = Qstr(210);
    /// `__aiter__`.
    pub const DUNDER_AITER: Qstr = Qstr(211);
    /// `__enter__`.
    pub const DUNDER_ENTER: Qstr = Qstr(12);
    /// `__exit__`.
    pub const DUNDER_EXIT: Qstr = Qstr(13);
    /// `__next__`.
    pub const DUNDER_NEXT: Qstr = Qstr(25);
    /// `__iter__`.
    pub const DUNDER_ITER: Qstr = Qstr(19);
    /// `StopAsyncIteration`.
    pub const STOP_ASYNC_ITERATION: Qstr = Qstr(167);
    /// `StopIteration`.
    pub const STOP_ITERATION: Qstr = Qstr(51);
    /// `uint`.
    pub const UINT: Qstr = Qstr(212);
    /// `ptr`.
    pub const PTR: Qstr = Qstr(213);
    /// `ptr8`.
    pub const PTR8: Qstr = Qstr(214);
    /// `ptr16`.
    pub const PTR16: Qstr = Qstr(215);
    /// `ptr32`.
    pub const PTR32: Qstr = Qstr(216);
    /// `int`.
    pub const INT: Qstr = Qstr(94);
    /// `bool`.
    pub const BOOL: Qstr = Qstr(62);
    /// `object`.
    pub const OBJECT: Qstr = Qstr(117);
    /// `reg_a`.
    pub const REG_A: Qstr = Qstr(217);
    /// `align`.
    pub const ALIGN: Qstr = Qstr(218);
    /// `label`.
    pub const LABEL: Qstr = Qstr(219);
    /// `data`.
    pub const DATA: Qstr = Qstr(220);
    /// `string.templatelib`.
    pub const STRING_TEMPLATELIB: Qstr = Qstr(185);
    /// `templatelib`.
    pub const TEMPLATELIB: Qstr = Qstr(188);
    /// `Interpolation`.
    pub const INTERPOLATION: Qstr = Qstr(166);
    /// `Template`.
    pub const TEMPLATE: Qstr = Qstr(221);
    /// `__repl_print__`.
    pub const DUNDER_REPL_PRINT: Qstr = Qstr(173);
    /// `__getitem__`.
    pub const DUNDER_GETITEM: Qstr = Qstr(15);
    /// `__setitem__`.
    pub const DUNDER_SETITEM: Qstr = Qstr(28);
    /// `__delitem__`.
    pub const DUNDER_DELITEM: Qstr = Qstr(11);
    /// `math`.
    pub const MATH: Qstr = Qstr(222);
    /// `__future__`.
    pub const DUNDER_FUTURE: Qstr = Qstr(228);
    /// `__new__`.
    pub const DUNDER_NEW: Qstr = Qstr(24);
    /// `__call__`.
    pub const DUNDER_CALL: Qstr = Qstr(9);
    /// `format_spec`.
    pub const FORMAT_SPEC: Qstr = Qstr(179);
    /// `interpolations`.
    pub const INTERPOLATIONS: Qstr = Qstr(181);
    /// ``.
    pub const EMPTY: Qstr = Qstr(1);

    /// True for the static qstrs (1..=165), which `.mpy` files refer to by number.
    #[must_use]
    pub fn is_static(self) -> bool {
        (1..=LAST_STATIC_QSTR).contains(&self.0)
    }
}

/// The qstr pool: built-in qstrs plus those interned while parsing and compiling.
#[derive(Clone, Debug)]
pub struct QstrPool {
    strings: Vec<Box<[u8]>>,
    index: HashMap<Box<[u8]>, Qstr>,
}

impl Default for QstrPool {
    fn default() -> Self {
        Self::new()
    }
}

impl QstrPool {
    /// A pool pre-filled with the static qstrs and the reference build's other built-in qstrs.
    #[must_use]
    pub fn new() -> Self {
        let mut pool = Self {
            strings: vec![Box::from(&b""[..])],
            index: HashMap::new(),
        };
        for s in STATIC_QSTRS.iter().chain(EXTRA_POOL.iter()) {
            pool.intern(s.as_bytes());
        }
        pool
    }

    /// Interns `bytes` (`qstr_from_strn`), returning the existing qstr if there is one.
    pub fn intern(&mut self, bytes: &[u8]) -> Qstr {
        if let Some(&q) = self.index.get(bytes) {
            return q;
        }
        let q = Qstr(u32::try_from(self.strings.len()).unwrap_or(u32::MAX));
        let boxed: Box<[u8]> = Box::from(bytes);
        self.strings.push(boxed.clone());
        self.index.insert(boxed, q);
        q
    }

    /// The qstr for `bytes` if it is already interned (`qstr_find_strn`).
    #[must_use]
    pub fn find(&self, bytes: &[u8]) -> Option<Qstr> {
        self.index.get(bytes).copied()
    }

    /// The bytes of `q` (empty for the null qstr or an unknown number).
    #[must_use]
    pub fn bytes(&self, q: Qstr) -> &[u8] {
        usize::try_from(q.0)
            .ok()
            .and_then(|i| self.strings.get(i))
            .map_or(&[][..], |b| &b[..])
    }

    /// The text of `q`, with invalid UTF-8 replaced (for diagnostics and printing).
    #[must_use]
    pub fn str_lossy(&self, q: Qstr) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.bytes(q))
    }

    /// True for the static qstrs (1..=165).
    #[must_use]
    pub fn is_static(&self, q: Qstr) -> bool {
        q.is_static()
    }

    /// Number of qstrs in the pool, counting the null qstr.
    #[must_use]
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    /// Never true: the pool always holds the built-in qstrs.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_and_builtin_numbering() {
        let pool = QstrPool::new();
        assert_eq!(pool.bytes(Qstr::EMPTY), b"");
        assert_eq!(pool.bytes(Qstr::MODULE_SCOPE), b"<module>");
        assert_eq!(pool.bytes(Qstr::CONST), b"const");
        assert_eq!(pool.bytes(Qstr::LAMBDA_SCOPE), b"<lambda>");
        assert_eq!(pool.bytes(Qstr::DUNDER_BUILD_CLASS), b"__build_class__");
        assert_eq!(pool.bytes(Qstr::DUNDER_TEMPLATE), b"__template__");
        assert_eq!(pool.bytes(Qstr::MATH), b"math");
        assert!(Qstr::CONST.is_static());
        assert!(!Qstr::DUNDER_BUILD_CLASS.is_static());
        assert_eq!(
            pool.find(b"maximum recursion depth exceeded")
                .map(|q| q.is_static()),
            Some(false)
        );
        let long_builtins = (1..pool.len())
            .filter(|&i| pool.bytes(Qstr(i as u32)).len() > 10)
            .count();
        assert_eq!(long_builtins, 50);
    }

    #[test]
    fn interning_is_idempotent() {
        let mut pool = QstrPool::new();
        let a = pool.intern(b"abcdefghijklm");
        assert_eq!(pool.intern(b"abcdefghijklm"), a);
        assert_eq!(pool.find(b"abcdefghijklm"), Some(a));
        assert_eq!(pool.find(b"zzzzzzzzzzzzz"), None);
    }
}
