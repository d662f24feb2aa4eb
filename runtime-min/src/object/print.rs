//! `str()` / `repr()` of every object into an output sink, and float formatting
//! (after py/obj.c `mp_obj_print_helper`, py/objstr.c, py/formatfloat.c).

use crate::builtins as b;
use crate::heap::{Heap, Kind};
use crate::obj::{Imm, Obj};
use crate::vm::{PyResult, Vm};

/// Where formatted text goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sink {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
    /// A string builder held in root slot `n` (a Str block whose capacity may exceed its length).
    Buf(usize),
    /// A stream written in Python (an `io.IOBase` subclass) in root slot `n + 1`, with a
    /// builder in slot `n` that each write passes through.
    #[cfg(feature = "io")]
    Stream(usize),
}

/// Float formatting buffer.
pub(crate) struct NumBuf {
    pub buf: [u8; 400],
    pub len: usize,
}

impl NumBuf {
    pub fn new() -> Self {
        NumBuf {
            buf: [0; 400],
            len: 0,
        }
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
    pub fn push(&mut self, c: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = c;
            self.len += 1;
        }
    }
    pub fn extend(&mut self, s: &[u8]) {
        for &c in s {
            self.push(c);
        }
    }
    pub fn push_str(&mut self, s: &str) {
        self.extend(s.as_bytes());
    }
    /// Decimal digits of `v` (no `core::fmt`).
    pub fn push_int(&mut self, v: i64) {
        if v < 0 {
            self.push(b'-');
        }
        self.push_radix(v.unsigned_abs(), 10, false, 1);
    }
    /// Digits of `mag` in `radix` (2..=16), at least `min_digits` (zero-padded).
    pub fn push_radix(&mut self, mut mag: u64, radix: u64, upper: bool, min_digits: usize) {
        let mut digits = [0u8; 64];
        let mut n = 0;
        let radix = radix.clamp(2, 16);
        while n < digits.len() && (mag != 0 || n < min_digits.max(1)) {
            #[allow(clippy::cast_possible_truncation)]
            let d = (mag % radix) as u8;
            digits[n] = match d {
                0..=9 => b'0' + d,
                _ if upper => b'A' + d - 10,
                _ => b'a' + d - 10,
            };
            n += 1;
            mag /= radix;
        }
        for &c in digits.get(..n).unwrap_or(&[]).iter().rev() {
            self.push(c);
        }
    }
}

pub(crate) use crate::object::float_text::float_repr;

impl<'a> Vm<'a> {
    /// Write Rust-owned bytes to a sink.
    pub(crate) fn sink_write(&mut self, sink: Sink, data: &[u8]) -> PyResult<()> {
        match sink {
            Sink::Out => {
                self.out.write(data);
                Ok(())
            }
            Sink::Err => {
                self.out.write_err(data);
                Ok(())
            }
            #[cfg(feature = "io")]
            Sink::Stream(slot) => {
                self.sink_write(Sink::Buf(slot), data)?;
                self.iobase_flush(slot)
            }
            Sink::Buf(slot) => {
                let at = self.builder_reserve(slot, data.len())?;
                let buf = self.root(slot);
                let len = self.heap.get(buf.bits(), 0) as usize;
                #[allow(clippy::cast_possible_truncation)]
                let dst = self
                    .heap
                    .bytes_mut(buf.bits(), 1, (len + data.len()) as u32);
                if let Some(d) = dst.get_mut(at..at + data.len()) {
                    d.copy_from_slice(data);
                }
                #[allow(clippy::cast_possible_truncation)]
                self.heap.set(buf.bits(), 0, (len + data.len()) as u32);
                Ok(())
            }
        }
    }

    /// Ensure the builder in `slot` has room for `extra` more bytes; returns the write position.
    fn builder_reserve(&mut self, slot: usize, extra: usize) -> PyResult<usize> {
        let buf = self.root(slot);
        let len = self.heap.get(buf.bits(), 0) as usize;
        let cap = (self.heap.block_words(buf.bits()).saturating_sub(2) as usize) * 4;
        if len + extra > cap {
            let new_cap = (len + extra).max(cap * 2).max(16);
            let words = crate::object::words_for(new_cap)?;
            let new = self.alloc(Kind::Str, words + 1)?;
            let buf = self.root(slot);
            self.heap.copy_within(
                Heap::payload_pos(buf.bits(), 1),
                Heap::payload_pos(new, 1),
                len,
            );
            #[allow(clippy::cast_possible_truncation)]
            self.heap.set(new, 0, len as u32);
            self.set_root(slot, Obj::heap(new));
        }
        Ok(len)
    }

    /// Start a string builder; returns its root slot.
    pub(crate) fn builder_new(&mut self) -> PyResult<usize> {
        if self.roots_free() == 0 {
            return Err(self.recursion_error());
        }
        let o = self.alloc(Kind::Str, 5)?;
        let slot = self.roots_len();
        self.push_root(Obj::heap(o));
        Ok(slot)
    }

    /// Finish a builder: pop its root and return the string (interned if static).
    pub(crate) fn builder_finish(&mut self, slot: usize) -> Obj {
        let o = self.root(slot);
        self.truncate_roots(slot);
        o
    }

    /// Write the bytes of a str/bytes object to a sink (handles heap-resident data).
    pub(crate) fn sink_write_obj(&mut self, sink: Sink, o: Obj) -> PyResult<()> {
        if let Some(q) = o.as_qstr() {
            let data = self.qstr_bytes(q);
            return self.sink_write(sink, data);
        }
        if let Some(n) = o.imm_of(Imm::RomBytes) {
            let image = self.image(n >> 20);
            let data = crate::loader::image_str(image, (n & 0xf_ffff) as usize, true);
            return self.sink_write(sink, data);
        }
        let Some(off) = o.heap_offset() else {
            return Ok(());
        };
        let (store, len) = match self.heap.kind(off) {
            Kind::Str | Kind::Bytes => (off, self.heap.get(off, 0)),
            Kind::ByteArray => (self.heap.get(off, 1), self.heap.get(off, 0)),
            _ => return Ok(()),
        };
        match sink {
            Sink::Out => {
                let data = self.heap.bytes(store, 1, len);
                self.out.write(data);
                Ok(())
            }
            Sink::Err => {
                let data = self.heap.bytes(store, 1, len);
                self.out.write_err(data);
                Ok(())
            }
            #[cfg(feature = "io")]
            Sink::Stream(slot) => {
                self.sink_write_obj(Sink::Buf(slot), o)?;
                self.iobase_flush(slot)
            }
            Sink::Buf(slot) => {
                self.push_root(o);
                let at = self.builder_reserve(slot, len as usize);
                self.pop_root();
                let at = at?;
                let buf = self.root(slot);
                let store = if self.heap.kind(off) == Kind::ByteArray {
                    self.heap.get(off, 1)
                } else {
                    off
                };
                self.heap.copy_within(
                    Heap::payload_pos(store, 1),
                    Heap::payload_pos(buf.bits(), 1) + at,
                    len as usize,
                );
                #[allow(clippy::cast_possible_truncation)]
                self.heap.set(buf.bits(), 0, at as u32 + len);
                Ok(())
            }
        }
    }

    /// Print `o` as `str(o)` (repr = false) or `repr(o)`.
    /// A small int, float or range: formatted in a buffer of this frame, out of line so that
    /// the recursive `print_obj` (nested containers, `__repr__` calls) keeps a small frame.
    #[inline(never)]
    fn print_number(&mut self, sink: Sink, o: Obj) -> PyResult<()> {
        let mut nb = NumBuf::new();
        if let Some(v) = o.as_small() {
            nb.push_int(v);
        } else if let Some(f) = self.float_value(o) {
            float_repr(f, &mut nb);
        } else {
            let (a, bb, c) = self.range_parts(o);
            nb.push_str("range(");
            nb.push_int(a);
            nb.push_str(", ");
            nb.push_int(bb);
            if c != 1 {
                nb.push_str(", ");
                nb.push_int(c);
            }
            nb.push(b')');
        }
        self.sink_write(sink, nb.as_bytes())
    }

    pub(crate) fn print_obj(&mut self, sink: Sink, o: Obj, repr: bool) -> PyResult<()> {
        self.enter_native()?;
        let base = self.roots_len();
        self.push_root(o);
        let r = self.print_inner(sink, o, repr);
        self.truncate_roots(base);
        self.leave_native();
        r
    }

    fn print_inner(&mut self, sink: Sink, o: Obj, repr: bool) -> PyResult<()> {
        if o.is_null() {
            return self.sink_write(sink, b"<NULL>");
        }
        if o.as_small().is_some() {
            return self.print_number(sink, o);
        }
        if self.str_data(o).is_some() {
            if !repr {
                return self.sink_write_obj(sink, o);
            }
            return self.print_str_repr(sink, o);
        }
        if let Some((k, n)) = o.as_imm() {
            return match k {
                0 => {
                    let s: &[u8] = match n {
                        0 => b"None",
                        1 => b"False",
                        2 => b"True",
                        3 => b"Ellipsis",
                        4 => b"NotImplemented",
                        _ => b"<sentinel>",
                    };
                    self.sink_write(sink, s)
                }
                1 => {
                    self.sink_write(sink, b"<class '")?;
                    self.sink_write(sink, b::type_name(n).as_bytes())?;
                    self.sink_write(sink, b"'>")
                }
                // Built-in and native functions and methods print without a name
                // (py/objfun.c).
                2 | 3 | 5 => self.sink_write(sink, b"<function>"),
                _ => self.print_bytes_repr(sink, o),
            };
        }
        let Some(kind) = self.kind_of(o) else {
            return Ok(());
        };
        match kind {
            Kind::Float | Kind::Range => self.print_number(sink, o),
            Kind::Complex if cfg!(feature = "complex") => {
                let (real, imag) = self.complex_value(o).unwrap_or_default();
                self.print_complex(sink, real, imag)
            }
            Kind::BigInt => self.print_big(sink, o),
            Kind::Bytes => self.print_bytes_repr(sink, o),
            Kind::TypedArray if cfg!(feature = "array") => {
                let Some((tc, len, flags)) = self.typed_info(o) else {
                    return Ok(());
                };
                if flags & crate::object::typed::MV != 0 {
                    return self.sink_write(sink, b"<memoryview>");
                }
                self.sink_write(sink, b"array('")?;
                self.sink_write(sink, &[tc])?;
                self.sink_write(sink, b"'")?;
                if len > 0 {
                    self.sink_write(sink, b", [")?;
                    for i in 0..len {
                        if i > 0 {
                            self.sink_write(sink, b", ")?;
                        }
                        let v = self.typed_get(o, i)?;
                        self.print_obj(sink, v, true)?;
                    }
                    self.sink_write(sink, b"]")?;
                }
                self.sink_write(sink, b")")
            }
            Kind::ByteArray => {
                self.sink_write(sink, b"bytearray(")?;
                self.print_bytes_repr(sink, o)?;
                self.sink_write(sink, b")")
            }
            Kind::Tuple | Kind::List => {
                let is_list = kind == Kind::List;
                self.sink_write(sink, if is_list { b"[" } else { b"(" })?;
                let mut i = 0;
                while let Some(p) = self.seq_parts(o) {
                    if i >= p.2 {
                        break;
                    }
                    if i > 0 {
                        self.sink_write(sink, b", ")?;
                    }
                    let it = self.seq_get(p, i);
                    self.print_obj(sink, it, true)?;
                    i += 1;
                }
                if !is_list && i == 1 {
                    self.sink_write(sink, b",")?;
                }
                self.sink_write(sink, if is_list { b"]" } else { b")" })
            }
            Kind::Dict => {
                let ordered = self.dict_is_ordered(o);
                if ordered {
                    self.sink_write(sink, b"OrderedDict(")?;
                }
                self.sink_write(sink, b"{")?;
                let mut first = true;
                let mut i = 0;
                while i < self.dict_alloc(o) {
                    if let Some((k, v)) = self.dict_slot(o, i) {
                        if !first {
                            self.sink_write(sink, b", ")?;
                        }
                        first = false;
                        self.print_obj(sink, k, true)?;
                        self.sink_write(sink, b": ")?;
                        self.print_obj(sink, v, true)?;
                    }
                    i += 1;
                }
                self.sink_write(sink, if ordered { b"})" } else { b"}" })
            }
            Kind::Set => {
                let frozen = self.heap.get(o.bits(), 1) != 0;
                let n = self.heap.get(o.bits(), 0);
                if n == 0 {
                    return self.sink_write(sink, if frozen { b"frozenset()" } else { b"set()" });
                }
                if frozen {
                    self.sink_write(sink, b"frozenset(")?;
                }
                self.sink_write(sink, b"{")?;
                let mut first = true;
                let mut i = 0;
                while i < self.set_alloc(o) {
                    if let Some(k) = self.set_slot(o, i) {
                        if !first {
                            self.sink_write(sink, b", ")?;
                        }
                        first = false;
                        self.print_obj(sink, k, true)?;
                    }
                    i += 1;
                }
                self.sink_write(sink, b"}")?;
                if frozen {
                    self.sink_write(sink, b")")?;
                }
                Ok(())
            }
            Kind::Slice => {
                self.sink_write(sink, b"slice(")?;
                for i in 0..3 {
                    if i > 0 {
                        self.sink_write(sink, b", ")?;
                    }
                    let v = self.heap.get_obj(o.bits(), i);
                    self.print_obj(sink, v, true)?;
                }
                self.sink_write(sink, b")")
            }
            Kind::Function => {
                self.sink_write(sink, b"<function ")?;
                let name = self.function_name(o);
                self.sink_write(sink, name)?;
                self.print_addr(sink, o, true)
            }
            Kind::Class => {
                self.sink_write(sink, b"<class '")?;
                let name = self.heap.get_obj(o.bits(), 0);
                self.sink_write_obj(sink, name)?;
                self.sink_write(sink, b"'>")
            }
            Kind::Instance => self.print_instance(sink, o, repr),
            Kind::Module => {
                self.sink_write(sink, b"<module '")?;
                let name = self.heap.get_obj(o.bits(), crate::loader::M_NAME);
                self.sink_write_obj(sink, name)?;
                self.sink_write(sink, b"'>")
            }
            Kind::BoundMethod => {
                // objboundmeth.c with detailed error reporting (as the WebAssembly port):
                // `<bound_method ADDRESS SELF.METHOD>`.
                let mut nb = NumBuf::new();
                nb.push_str("<bound_method ");
                nb.push_radix(u64::from(o.bits()), 16, false, 1);
                nb.push(b' ');
                self.sink_write(sink, nb.as_bytes())?;
                self.enter_native()?;
                let r = self
                    .print_obj(sink, self.heap.get_obj(o.bits(), 1), true)
                    .and_then(|()| self.sink_write(sink, b"."))
                    .and_then(|()| self.print_obj(sink, self.heap.get_obj(o.bits(), 0), true));
                self.leave_native();
                r?;
                self.sink_write(sink, b">")
            }
            Kind::Iter if self.heap.get(o.bits(), 0) & crate::object::iter::VIEW != 0 => {
                let kind = self.heap.get(o.bits(), 0) & 0xff;
                let name: &[u8] = match kind {
                    crate::object::iter::IT_DICT_KEYS => b"dict_keys(",
                    crate::object::iter::IT_DICT_VALUES => b"dict_values(",
                    _ => b"dict_items(",
                };
                self.sink_write(sink, name)?;
                let l = self.list_from_iter(o)?;
                self.push_root(l);
                let r = self.print_obj(sink, l, true);
                self.pop_root();
                r?;
                self.sink_write(sink, b")")
            }
            Kind::Iter => {
                // The builtin iterator objects print their type's name (objmap.c etc.).
                let name: &[u8] = match self.heap.get(o.bits(), 0) & 0xff {
                    crate::object::iter::IT_ENUMERATE => b"<enumerate>",
                    crate::object::iter::IT_ZIP => b"<zip>",
                    crate::object::iter::IT_MAP => b"<map>",
                    crate::object::iter::IT_FILTER => b"<filter>",
                    crate::object::iter::IT_REVERSED => b"<reversed>",
                    _ => b"<iterator>",
                };
                self.sink_write(sink, name)
            }
            Kind::Generator => {
                self.sink_write(sink, b"<generator object '")?;
                let frame = self.heap.get_obj(o.bits(), 1);
                let fun = self.heap.get_obj(frame.bits(), crate::vm::dispatch::F_FUN);
                let name = if self.is_kind(fun, Kind::Function) {
                    self.function_name(fun)
                } else {
                    b"?"
                };
                self.sink_write(sink, name)?;
                self.sink_write(sink, b"'")?;
                self.print_addr(sink, o, false)
            }
            Kind::Super => {
                self.sink_write(sink, b"<super: ")?;
                self.print_obj(sink, self.heap.get_obj(o.bits(), 0), true)?;
                self.sink_write(sink, b", ")?;
                self.print_obj(sink, self.heap.get_obj(o.bits(), 1), true)?;
                self.sink_write(sink, b">")
            }
            _ => {
                let t = self.type_name(o);
                self.sink_write(sink, b"<")?;
                self.sink_write(sink, t.as_bytes())?;
                self.sink_write(sink, b">")
            }
        }
    }

    /// ` at ADDR>`: the reference prints `%p` as bare hex digits, with `0x` before it only in
    /// a function's repr (py/objfun.c).
    fn print_addr(&mut self, sink: Sink, o: Obj, with_0x: bool) -> PyResult<()> {
        let mut nb = NumBuf::new();
        nb.push_str(if with_0x { " at 0x" } else { " at " });
        nb.push_radix(u64::from(o.bits()), 16, false, 1);
        nb.push(b'>');
        self.sink_write(sink, nb.as_bytes())
    }

    fn print_instance(&mut self, sink: Sink, o: Obj, repr: bool) -> PyResult<()> {
        if !repr {
            if let Some(r) = self.call_special(o, "__str__", &[])? {
                return self.print_returned_str(sink, r, "__str__");
            }
        }
        if let Some(r) = self.call_special(o, "__repr__", &[])? {
            return self.print_returned_str(sink, r, "__repr__");
        }
        if self.is_exception(o) {
            return self.print_exception_value(sink, o, repr);
        }
        if self.is_incomplete_exception(o) {
            // MicroPython prints the placeholder that stands for the unconstructed base.
            return self.sink_write(sink, b"<function>");
        }
        let cls = self.heap.get_obj(o.bits(), 0);
        #[cfg(feature = "tstrings")]
        if cls == b::type_obj(b::T_TEMPLATE) || cls == b::type_obj(b::T_INTERPOLATION) {
            return self.print_template(sink, o);
        }
        if cls == b::type_obj(b::T_MATCH) {
            // `<match num=N>`: N counts group 0 too (extmod/modre.c).
            let caps = self.heap.get_obj(o.bits(), 3);
            let mut nb = NumBuf::new();
            nb.push_str("<match num=");
            nb.push_radix(u64::from(self.tuple_len(caps) / 2), 10, false, 1);
            nb.push(b'>');
            return self.sink_write(sink, nb.as_bytes());
        }
        // Types without a print slot print as `<NAME>` (mp_obj_print_helper):
        // extmod/modselect.c's poll, py/modweakref.c's ref and finalize, py/objdeque.c's deque
        // (whose class wraps the built-in type; a subclass prints as an object).
        let no_print_slot = [
            #[cfg(feature = "select")]
            b::T_POLL,
            #[cfg(feature = "weakref")]
            b::T_WEAKREF_REF,
            #[cfg(feature = "weakref")]
            b::T_WEAKREF_FINALIZE,
        ];
        let deque = self.native_base(cls) == b::T_DEQUE;
        if deque
            && self
                .heap
                .get_obj(self.heap.get_obj(cls.bits(), 1).bits(), 1)
                == b::type_obj(b::T_DEQUE)
        {
            return self.sink_write(sink, b"<deque>");
        }
        if let Some(&ty) = no_print_slot.iter().find(|&&t| cls == b::type_obj(t)) {
            self.sink_write(sink, b"<")?;
            self.sink_write(sink, b::type_name(ty).as_bytes())?;
            return self.sink_write(sink, b">");
        }
        if cls == b::type_obj(b::T_RE) {
            let mut nb = NumBuf::new();
            nb.push_str("<re ");
            nb.push_radix(u64::from(o.bits()), 16, false, 1);
            nb.push(b'>');
            return self.sink_write(sink, nb.as_bytes());
        }
        // (A deque subclass prints as an object, its ring is no value.)
        if let Some(n) = self.native_of(o).filter(|_| !deque) {
            let native = self.native_base(cls);
            if native == b::T_SHA256 {
                // No print slot in extmod/modhashlib.c: `<sha256>`.
                return self.sink_write(sink, b"<sha256>");
            }
            if matches!(native, b::T_STRINGIO | b::T_BYTESIO) {
                let mut nb = NumBuf::new();
                nb.push_str("<io.");
                nb.push_str(b::type_name(native));
                nb.push_str(" 0x");
                nb.push_radix(u64::from(o.bits()), 16, false, 1);
                nb.push(b'>');
                return self.sink_write(sink, nb.as_bytes());
            }
            if matches!(native, b::T_TEXTIO | b::T_FILEIO) {
                self.sink_write(sink, b"<io.")?;
                self.sink_write(sink, b::type_name(native).as_bytes())?;
                self.sink_write(sink, b" ")?;
                self.print_obj(sink, n, false)?;
                return self.sink_write(sink, b">");
            }
            // The namedtuple class (the one holding `_fields`) names the value.
            let mut cls = self.heap.get_obj(o.bits(), 0);
            let mut fields = None;
            for _ in 0..16 {
                fields = self.dict_lookup_str(self.heap.get_obj(cls.bits(), 2), b"_fields");
                let bases = self.heap.get_obj(cls.bits(), 1);
                let next = self.heap.get_obj(bases.bits(), 1);
                if fields.is_some()
                    || self.tuple_len(bases) == 0
                    || !self.is_kind(next, Kind::Class)
                {
                    break;
                }
                cls = next;
            }
            if let (Some(fields), true) = (fields, self.is_kind(n, Kind::Tuple)) {
                let name = self.heap.get_obj(cls.bits(), 0);
                self.sink_write_obj(sink, name)?;
                self.sink_write(sink, b"(")?;
                for i in 0..self.tuple_len(n) {
                    if i > 0 {
                        self.sink_write(sink, b", ")?;
                    }
                    let f = self.heap.get_obj(fields.bits(), i + 1);
                    self.sink_write_obj(sink, f)?;
                    self.sink_write(sink, b"=")?;
                    let v = self.heap.get_obj(n.bits(), i + 1);
                    self.print_obj(sink, v, true)?;
                }
                return self.sink_write(sink, b")");
            }
            return self.print_obj(sink, n, repr);
        }
        let t = self.type_of(o);
        self.sink_write(sink, b"<")?;
        let name = self.type_name_of_type(t);
        self.sink_write_obj(sink, name)?;
        self.sink_write(sink, b" object")?;
        self.print_addr(sink, o, false)
    }

    fn print_returned_str(&mut self, sink: Sink, r: Obj, what: &str) -> PyResult<()> {
        if self.str_data(r).is_none() {
            let t = self.type_name(r);
            return Err(self.raise_parts(
                b::T_TYPE_ERROR,
                &[&what, &" returned non-string (type ", &t, &")"],
            ));
        }
        self.push_root(r);
        let res = self.sink_write_obj(sink, r);
        self.pop_root();
        res
    }

    /// str/repr of an exception instance (mp_obj_exception_print).
    pub(crate) fn print_exception_value(&mut self, sink: Sink, o: Obj, repr: bool) -> PyResult<()> {
        let args = self.heap.get_obj(o.bits(), 2);
        let n = self.tuple_len(args);
        if repr {
            let t = self.type_of(o);
            let name = self.type_name_of_type(t);
            self.sink_write_obj(sink, name)?;
        }
        if n == 0 {
            if repr {
                self.sink_write(sink, b"()")?;
            }
            return Ok(());
        }
        if !repr && n <= 2 && self.type_of(o) == b::type_obj(b::T_OS_ERROR) {
            // `OSError: [Errno 19] ENODEV` (py/objexcept.c with MICROPY_PY_ERRNO).
            let errno = self.heap.get_obj(args.bits(), 1).as_small();
            if let Some((errno, name)) =
                errno.and_then(|e| Some((e, crate::native::errno_name(e)?)))
            {
                let mut nb = NumBuf::new();
                nb.push_str("[Errno ");
                nb.push_int(errno);
                nb.push_str("] ");
                nb.push_str(name);
                self.sink_write(sink, nb.as_bytes())?;
                if n == 2 {
                    self.sink_write(sink, b": ")?;
                    let msg = self.heap.get_obj(args.bits(), 2);
                    self.print_obj(sink, msg, false)?;
                }
                return Ok(());
            }
        }
        if n == 1 && !repr {
            let a = self.heap.get_obj(args.bits(), 1);
            return self.print_obj(sink, a, false);
        }
        self.print_obj(sink, args, true)
    }

    /// `Name: message` as in the last line of a traceback.
    pub(crate) fn print_exception_line(&mut self, sink: Sink, exc: Obj) -> PyResult<()> {
        let t = self.type_of(exc);
        let name = self.type_name_of_type(t);
        self.sink_write_obj(sink, name)?;
        // `Type: ` even without arguments (objexcept.c's PRINT_EXC).
        self.sink_write(sink, b": ")?;
        let args = self.heap.get_obj(exc.bits(), 2);
        if self.tuple_len(args) > 0 {
            self.print_exception_value(sink, exc, false)?;
        }
        self.sink_write(sink, b"\n")
    }

    #[inline(never)]
    fn print_str_repr(&mut self, sink: Sink, o: Obj) -> PyResult<()> {
        let (has_sq, has_dq) = {
            let d = self.str_data(o).unwrap_or(&[]);
            (d.contains(&b'\''), d.contains(&b'"'))
        };
        let quote = if has_sq && !has_dq { b'"' } else { b'\'' };
        self.sink_write(sink, &[quote])?;
        let len = self.str_data(o).map_or(0, <[u8]>::len);
        let mut pos = 0;
        while pos < len {
            let mut out = NumBuf::new();
            if let Some(d) = self.str_data(o) {
                // Whole characters, about 64 bytes at a time (uni_print_quoted).
                while pos < len && out.len < 300 {
                    let c = d[pos];
                    let mut end = pos + 1;
                    while end < len && d[end] & 0xc0 == 0x80 && c >= 0x80 {
                        end += 1;
                    }
                    escape_char(&d[pos..end], quote, &mut out);
                    pos = end;
                }
            }
            self.sink_write(sink, out.as_bytes())?;
        }
        self.sink_write(sink, &[quote])
    }

    fn print_bytes_repr(&mut self, sink: Sink, o: Obj) -> PyResult<()> {
        let (has_sq, has_dq) = {
            let d = self.bytes_data(o).unwrap_or(&[]);
            (d.contains(&b'\''), d.contains(&b'"'))
        };
        let quote = if has_sq && !has_dq { b'"' } else { b'\'' };
        self.sink_write(sink, b"b")?;
        self.sink_write(sink, &[quote])?;
        let len = self.bytes_data(o).map_or(0, <[u8]>::len);
        let mut pos = 0;
        while pos < len {
            let mut out = NumBuf::new();
            let chunk_end = (pos + 64).min(len);
            if let Some(d) = self.bytes_data(o) {
                for &c in d.get(pos..chunk_end).unwrap_or(&[]) {
                    escape_byte(c, quote, false, &mut out);
                }
            }
            self.sink_write(sink, out.as_bytes())?;
            pos = chunk_end;
        }
        self.sink_write(sink, &[quote])
    }

    /// `str(o)` or `repr(o)` as a new string object.
    pub(crate) fn obj_str(&mut self, o: Obj, repr: bool) -> PyResult<Obj> {
        if !repr && self.str_data(o).is_some() {
            return Ok(o);
        }
        let slot = self.builder_new()?;
        let r = self.print_obj(Sink::Buf(slot), o, repr);
        let s = self.builder_finish(slot);
        r.map(|()| s)
    }

    /// A function's name.
    pub(crate) fn function_name(&self, f: Obj) -> &'a [u8] {
        match self.code_of_function(f) {
            Some(code) => self.qstr_bytes(code.name),
            None => b"?",
        }
    }

    /// The `__name__` of a type object.
    pub(crate) fn type_name_of_type(&self, t: Obj) -> Obj {
        if let Some(id) = t.imm_of(Imm::Type) {
            return match crate::qstr_pool::qstr_id(b::type_name(id).as_bytes()) {
                Some(q) => Obj::qstr(q),
                None => Obj::qstr(1),
            };
        }
        if self.is_kind(t, Kind::Class) {
            return self.heap.get_obj(t.bits(), 0);
        }
        Obj::qstr(1)
    }

    /// The type name of `o` as text (for error messages).
    pub(crate) fn type_name(&self, o: Obj) -> &'a str {
        let t = self.type_of(o);
        if let Some(id) = t.imm_of(Imm::Type) {
            return b::type_name(id);
        }
        let name = self.heap.get_obj(t.bits(), 0);
        match name.as_qstr() {
            Some(q) => core::str::from_utf8(self.qstr_bytes(q)).unwrap_or("?"),
            None => "object",
        }
    }
}

/// One character of a str repr (`seq`: its lead byte and continuation bytes): ASCII as
/// [`escape_byte`] does it (also when written overlong), other characters as they are,
/// except surrogates (`\uXXXX`) and values beyond U+10FFFF (`\UXXXXXXXX`).
fn escape_char(seq: &[u8], quote: u8, out: &mut NumBuf) {
    let lead = seq[0];
    if lead < 0x80 {
        escape_byte(lead, quote, true, out);
        return;
    }
    let ch = crate::builtins::utf8_value(seq);
    let hex = b"0123456789abcdef";
    let mut escape = |prefix: &[u8], digits: u32| {
        out.extend(prefix);
        for k in (0..digits).rev() {
            out.push(hex[((ch >> (4 * k)) & 15) as usize]);
        }
    };
    match ch {
        #[allow(clippy::cast_possible_truncation)]
        0..=0x7f => escape_byte(ch as u8, quote, true, out),
        0x80..=0xd7ff | 0xe000..=0x10_ffff => out.extend(seq),
        0xd800..=0xdfff => escape(b"\\u", 4),
        _ => escape(b"\\U", 8),
    }
}

fn escape_byte(c: u8, quote: u8, is_str: bool, out: &mut NumBuf) {
    match c {
        b'\\' => out.extend(b"\\\\"),
        b'\n' => out.extend(b"\\n"),
        b'\r' => out.extend(b"\\r"),
        b'\t' => out.extend(b"\\t"),
        _ if c == quote => {
            out.push(b'\\');
            out.push(c);
        }
        0x20..=0x7e => out.push(c),
        0x80..=0xff if is_str => out.push(c),
        _ => {
            let hex = b"0123456789abcdef";
            out.extend(b"\\x");
            out.push(hex[usize::from(c >> 4)]);
            out.push(hex[usize::from(c & 15)]);
        }
    }
}
