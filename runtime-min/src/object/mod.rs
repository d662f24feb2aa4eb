//! Object constructors, type queries and the generic protocols: truth, equality, hashing,
//! length (after py/obj.c).

pub(crate) mod attr;
pub(crate) mod bigint;
pub(crate) mod complex;
pub(crate) mod dict;
pub(crate) mod float_math;
#[cfg(feature = "float")]
pub(crate) mod float_special;
pub(crate) mod float_text;
#[cfg(feature = "float")]
pub(crate) mod float_trig;
pub(crate) mod int;
pub(crate) mod iter;
pub(crate) mod ops;
pub(crate) mod print;
pub(crate) mod seq;
pub(crate) mod str;
#[cfg_attr(not(feature = "array"), allow(dead_code))]
pub(crate) mod typed;

use crate::builtins::{self as b, type_obj};
use crate::heap::Kind;
use crate::obj::{Imm, Obj};
use crate::vm::{PyResult, Vm};

/// Words needed for `n` bytes.
pub(crate) fn words_for(n: usize) -> PyResult<u32> {
    // Sizes beyond any heap saturate, so the allocation fails with a MemoryError (an error
    // here would be raised without an exception object).
    Ok(u32::try_from(n.div_ceil(4)).unwrap_or(u32::MAX / 2))
}

/// djb2-xor hash of bytes, masked to 16 bits, never 0 (qstr_compute_hash with 2 hash bytes).
pub(crate) const fn hash_bytes(data: &[u8]) -> u32 {
    let mut h: u32 = 5381;
    let mut i = 0;
    while i < data.len() {
        h = (h.wrapping_shl(5).wrapping_add(h)) ^ data[i] as u32;
        i += 1;
    }
    h &= 0xffff;
    if h == 0 {
        1
    } else {
        h
    }
}

/// The traceback slot (3) of an exception instance while its class's `__init__` runs, until
/// it calls `super().__init__()`. MicroPython constructs a native base only then (objtype.c
/// leaves `mp_native_base_init_wrapper_obj` in its place), and until then the instance is
/// "incomplete": raising it is a TypeError, it has no `args` and prints as `<function>`. An
/// incomplete exception is never raised, so its slot never holds a traceback meanwhile.
pub(crate) const INCOMPLETE_EXCEPTION: Obj = Obj::FALSE;

impl<'a> Vm<'a> {
    // ----- constructors -----

    /// A name as a str: the interned one when the VM's pool has it, else a new str.
    pub(crate) fn name_str(&mut self, name: &[u8]) -> PyResult<Obj> {
        match crate::qstr_pool::qstr_id(name) {
            Some(q) => Ok(Obj::qstr(q)),
            None => self.new_str_bytes(name),
        }
    }

    pub(crate) fn new_str_bytes(&mut self, data: &[u8]) -> PyResult<Obj> {
        let words = words_for(data.len())?;
        let o = self.alloc(Kind::Str, words + 1)?;
        #[allow(clippy::cast_possible_truncation)]
        self.heap.set(o, 0, data.len() as u32);
        #[allow(clippy::cast_possible_truncation)]
        self.heap
            .bytes_mut(o, 1, data.len() as u32)
            .copy_from_slice(data);
        Ok(Obj::heap(o))
    }

    /// A new `bytes` object.
    pub fn new_bytes(&mut self, data: &[u8]) -> PyResult<Obj> {
        let o = self.new_str_bytes(data)?;
        Ok(self.str_block_as_bytes(o))
    }

    /// A new str block (one not shared yet, such as a string builder's) turned into a
    /// `bytes` object in place: the two share a layout and differ in their kind.
    pub(crate) fn str_block_as_bytes(&mut self, o: Obj) -> Obj {
        if let Some(off) = o.heap_offset() {
            let h = self.heap.word(off);
            self.heap.set_word(off, (h & !0xff) | Kind::Bytes as u32);
        }
        o
    }

    /// A zeroed string/bytes block of `len` bytes to fill in (kind Str or Bytes).
    pub(crate) fn new_str_uninit(&mut self, kind: Kind, len: usize) -> PyResult<u32> {
        let words = words_for(len)?;
        let o = self.alloc(kind, words + 1)?;
        #[allow(clippy::cast_possible_truncation)]
        self.heap.set(o, 0, len as u32);
        Ok(o)
    }

    /// A new `float` object.
    pub fn new_float(&mut self, f: f64) -> PyResult<Obj> {
        if !cfg!(feature = "float") {
            return Err(self.no_float());
        }
        let o = self.alloc(Kind::Float, 2)?;
        let bits = f.to_bits();
        #[allow(clippy::cast_possible_truncation)]
        {
            self.heap.set(o, 0, bits as u32);
            self.heap.set(o, 1, (bits >> 32) as u32);
        }
        Ok(Obj::heap(o))
    }

    /// The error for a float in a build without the `float` feature (py/parsenum.c's).
    #[cold]
    pub(crate) fn no_float(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_VALUE_ERROR, "decimal numbers not supported")
    }

    /// A tuple of `n` NULL items to fill in.
    pub(crate) fn new_tuple(&mut self, n: u32) -> PyResult<Obj> {
        let o = self.alloc(Kind::Tuple, n.saturating_add(1))?;
        self.heap.set(o, 0, n);
        Ok(Obj::heap(o))
    }

    /// A new `tuple` of `items` (which the caller keeps alive).
    pub fn new_tuple_from(&mut self, items: &[Obj]) -> PyResult<Obj> {
        let n = u32::try_from(items.len()).map_err(|_| crate::vm::Raised)?;
        let t = self.new_tuple(n)?;
        for (i, &it) in items.iter().enumerate() {
            #[allow(clippy::cast_possible_truncation)]
            self.heap.set_obj(t.bits(), i as u32 + 1, it);
        }
        Ok(t)
    }

    /// A new 2-tuple `(first, second(vm))`. `first` stays rooted while `second` makes its
    /// object and while the tuple is allocated (divmod, math.modf, math.frexp).
    pub(crate) fn new_pair_with(
        &mut self,
        first: Obj,
        second: impl FnOnce(&mut Self) -> PyResult<Obj>,
    ) -> PyResult<Obj> {
        self.push_root(first);
        let pair = second(self).and_then(|second| {
            self.push_root(second);
            let t = self.new_tuple_from(&[first, second]);
            self.pop_root();
            t
        });
        self.pop_root();
        pair
    }

    // ----- type queries -----

    pub(crate) fn kind_of(&self, o: Obj) -> Option<Kind> {
        o.heap_offset().map(|off| self.heap.kind(off))
    }

    pub(crate) fn is_kind(&self, o: Obj, k: Kind) -> bool {
        self.kind_of(o) == Some(k)
    }

    /// Whether `o` is an instance of built-in type `ty` itself (a poll, code, weakref,
    /// template or compiled regex object; not of a subclass).
    #[cfg_attr(
        not(any(
            feature = "eval",
            feature = "re",
            feature = "select",
            feature = "tstrings",
            feature = "weakref"
        )),
        allow(dead_code)
    )]
    pub(crate) fn is_builtin_instance(&self, o: Obj, ty: u32) -> bool {
        self.is_kind(o, Kind::Instance) && self.heap.get_obj(o.bits(), 0) == b::type_obj(ty)
    }

    /// The built-in type id of `o` (for instances: `T_OBJECT`; use [`Vm::type_of`] for classes).
    pub(crate) fn builtin_type_id(&self, o: Obj) -> u32 {
        if o.as_small().is_some() {
            return b::T_INT;
        }
        if o.as_qstr().is_some() {
            return b::T_STR;
        }
        if let Some((k, n)) = o.as_imm() {
            return match k {
                0 => match n {
                    0 => b::T_NONETYPE,
                    1 | 2 => b::T_BOOL,
                    3 | 4 => b::T_SINGLETON,
                    _ => b::T_OBJECT,
                },
                1 => b::T_TYPE,
                2 | 3 | 5 => b::T_BUILTIN_FN,
                4 => b::T_BYTES,
                _ => b::T_OBJECT,
            };
        }
        match self.kind_of(o) {
            Some(Kind::Float) => b::T_FLOAT,
            Some(Kind::Complex) => b::T_COMPLEX,
            Some(Kind::BigInt) => b::T_INT,
            Some(Kind::Str) => b::T_STR,
            Some(Kind::Bytes) => b::T_BYTES,
            Some(Kind::ByteArray) => b::T_BYTEARRAY,
            Some(Kind::TypedArray) => {
                if self.heap.get(o.bits(), 1) & typed::MV != 0 {
                    b::T_MEMORYVIEW
                } else {
                    b::T_ARRAY
                }
            }
            Some(Kind::Tuple) => b::T_TUPLE,
            Some(Kind::List) => b::T_LIST,
            Some(Kind::Dict) => {
                if self.dict_is_ordered(o) {
                    b::T_ORDERED_DICT
                } else {
                    b::T_DICT
                }
            }
            Some(Kind::Set) => {
                if self.heap.get(o.bits(), 1) != 0 {
                    b::T_FROZENSET
                } else {
                    b::T_SET
                }
            }
            Some(Kind::Module) => b::T_MODULE,
            Some(Kind::Function) => {
                if self.heap.get(o.bits(), 0) >> 20 != 0 {
                    b::T_CLOSURE
                } else if self
                    .code_of_function(o)
                    .is_some_and(|c| c.scope_flags & crate::vm::call::SCOPE_GENERATOR != 0)
                {
                    b::T_GEN_FUNCTION
                } else {
                    b::T_FUNCTION
                }
            }
            Some(Kind::Cell) => b::T_CELL,
            Some(Kind::BoundMethod) => b::T_BOUND_METHOD,
            Some(Kind::Class) => b::T_TYPE,
            Some(Kind::Generator) => b::T_GENERATOR,
            Some(Kind::Range) => b::T_RANGE,
            Some(Kind::Slice) => b::T_SLICE,
            Some(Kind::Iter) => {
                use crate::object::iter as it;
                match self.heap.get(o.bits(), 0) {
                    k if k & it::VIEW != 0 => b::T_DICT_VIEW,
                    it::IT_ENUMERATE => b::T_ENUMERATE,
                    it::IT_FILTER => b::T_FILTER,
                    it::IT_MAP => b::T_MAP,
                    it::IT_ZIP => b::T_ZIP,
                    it::IT_REVERSED => b::T_REVERSED,
                    _ => b::T_ITERATOR,
                }
            }
            Some(Kind::Wrapper) => match self.heap.get(o.bits(), 0) {
                0 => b::T_PROPERTY,
                1 => b::T_CLASSMETHOD,
                _ => b::T_STATICMETHOD,
            },
            Some(Kind::Super) => b::T_SUPER,
            _ => b::T_OBJECT,
        }
    }

    /// Is `o` a type: a built-in one or a class.
    pub(crate) fn is_type_obj(&self, o: Obj) -> bool {
        o.imm_of(Imm::Type).is_some() || self.is_kind(o, Kind::Class)
    }

    /// The type object of `o`: a class for instances, else a built-in type.
    pub(crate) fn type_of(&self, o: Obj) -> Obj {
        if self.is_kind(o, Kind::Instance) {
            return self.heap.get_obj(o.bits(), 0);
        }
        type_obj(self.builtin_type_id(o))
    }

    /// Is `sub` the same as or derived from `sup` (both type objects)?
    pub(crate) fn is_subclass(&self, sub: Obj, sup: Obj) -> bool {
        self.is_subclass_depth(sub, sup, 0)
    }

    fn is_subclass_depth(&self, sub: Obj, sup: Obj, depth: u32) -> bool {
        if sub == sup || depth > 32 {
            return sub == sup;
        }
        if sup == type_obj(b::T_OBJECT) {
            return true;
        }
        if let Some(t) = sub.imm_of(Imm::Type) {
            let mut t = t;
            for _ in 0..16 {
                match b::type_base(t) {
                    Some(base) => {
                        if type_obj(base) == sup {
                            return true;
                        }
                        t = base;
                    }
                    None => return false,
                }
            }
            return false;
        }
        if self.is_kind(sub, Kind::Class) {
            let bases = self.heap.get_obj(sub.bits(), 1);
            let n = self.tuple_len(bases);
            for i in 0..n {
                let base = self.heap.get_obj(bases.bits(), i + 1);
                if self.is_subclass_depth(base, sup, depth + 1) {
                    return true;
                }
            }
        }
        false
    }

    pub(crate) fn is_instance_of(&self, o: Obj, type_id: u32) -> bool {
        let t = self.type_of(o);
        self.is_subclass(t, type_obj(type_id))
    }

    /// Is `o` an exception instance (a complete one: see [`INCOMPLETE_EXCEPTION`])? Only these
    /// can be raised and have `args`, as objexcept.c's `mp_obj_is_exception_instance`.
    pub(crate) fn is_exception(&self, o: Obj) -> bool {
        self.is_exception_object(o) && !self.has_incomplete_marker(o)
    }

    /// Is `o` an instance of an exception class, complete or not?
    pub(crate) fn is_exception_object(&self, o: Obj) -> bool {
        self.is_kind(o, Kind::Instance) && self.is_instance_of(o, b::T_BASE_EXCEPTION)
    }

    /// Is `o` an exception whose class's `__init__` is running and has not yet called
    /// `super().__init__()`?
    pub(crate) fn is_incomplete_exception(&self, o: Obj) -> bool {
        self.has_incomplete_marker(o) && self.is_exception_object(o)
    }

    /// An instance with [`INCOMPLETE_EXCEPTION`] in slot 3 (checked before its class, which
    /// takes a walk of the bases).
    fn has_incomplete_marker(&self, o: Obj) -> bool {
        self.is_kind(o, Kind::Instance) && self.heap.get_obj(o.bits(), 3) == INCOMPLETE_EXCEPTION
    }

    /// The end of an exception's incomplete state: its base is constructed.
    pub(crate) fn complete_exception(&mut self, o: Obj) {
        if self.is_incomplete_exception(o) {
            self.heap.set_obj(o.bits(), 3, Obj::NULL);
        }
    }

    /// For an instance of a class derived from a built-in container or value type, the
    /// native object it wraps (stored in the instance's third slot); else None (an
    /// `io.IOBase` subclass wraps nothing: its instances compare, hash and print as objects).
    pub(crate) fn native_of(&self, o: Obj) -> Option<Obj> {
        if !self.is_kind(o, Kind::Instance) {
            return None;
        }
        let cls = self.heap.get_obj(o.bits(), 0);
        if !self.is_kind(cls, Kind::Class) {
            return None;
        }
        let native = self.native_base(cls);
        if native == b::T_OBJECT || native == b::T_IOBASE || b::is_exception_type(native) {
            return None;
        }
        let v = self.heap.get_obj(o.bits(), 2);
        (!v.is_null()).then_some(v)
    }

    /// The value an instance of a subclass of a built-in value or container type stands for
    /// (its native object, see [`Vm::native_of`]), for operators, `==`, `%` and `int()`; None
    /// for the types whose native slot keeps state rather than a value (streams, hashes,
    /// deques: MicroPython's versions have no binary_op, so those see the object itself).
    pub(crate) fn value_of(&self, o: Obj) -> Option<Obj> {
        let n = self.native_of(o)?;
        let native = self.native_base(self.heap.get_obj(o.bits(), 0));
        (!keeps_state(native) && native != b::T_DEQUE).then_some(n)
    }

    /// The container an instance stands for in `len()`, truth, `in`, iteration and
    /// subscripts: as [`Vm::value_of`], and a deque's ring too (objdeque.c has those).
    pub(crate) fn container_of(&self, o: Obj) -> Option<Obj> {
        let n = self.native_of(o)?;
        let native = self.native_base(self.heap.get_obj(o.bits(), 0));
        (!keeps_state(native)).then_some(n)
    }

    /// The nearest built-in type a type object derives from.
    pub(crate) fn native_base(&self, t: Obj) -> u32 {
        let mut t = t;
        for _ in 0..32 {
            if let Some(id) = t.imm_of(Imm::Type) {
                return id;
            }
            if !self.is_kind(t, Kind::Class) {
                break;
            }
            let bases = self.heap.get_obj(t.bits(), 1);
            if self.tuple_len(bases) == 0 {
                return b::T_OBJECT;
            }
            // Prefer a base that is not plain object.
            let mut next = self.heap.get_obj(bases.bits(), 1);
            for i in 0..self.tuple_len(bases) {
                let cand = self.heap.get_obj(bases.bits(), i + 1);
                if self.native_base_shallow(cand) != b::T_OBJECT {
                    next = cand;
                    break;
                }
            }
            t = next;
        }
        b::T_OBJECT
    }

    fn native_base_shallow(&self, t: Obj) -> u32 {
        let mut t = t;
        for _ in 0..32 {
            if let Some(id) = t.imm_of(Imm::Type) {
                return id;
            }
            if !self.is_kind(t, Kind::Class) {
                break;
            }
            let bases = self.heap.get_obj(t.bits(), 1);
            if self.tuple_len(bases) == 0 {
                return b::T_OBJECT;
            }
            t = self.heap.get_obj(bases.bits(), 1);
        }
        b::T_OBJECT
    }

    // ----- simple accessors -----

    pub(crate) fn tuple_len(&self, t: Obj) -> u32 {
        if self.is_kind(t, Kind::Tuple) {
            self.heap.get(t.bits(), 0)
        } else {
            0
        }
    }

    /// The value of a `float` object (always None without the `float` feature, so that
    /// every float path folds away).
    pub(crate) fn float_value(&self, o: Obj) -> Option<f64> {
        if cfg!(feature = "float") && self.is_kind(o, Kind::Float) {
            let lo = u64::from(self.heap.get(o.bits(), 0));
            let hi = u64::from(self.heap.get(o.bits(), 1));
            Some(f64::from_bits(lo | (hi << 32)))
        } else {
            None
        }
    }

    /// The bytes of a `str` (interned or heap).
    pub(crate) fn str_data(&self, o: Obj) -> Option<&[u8]> {
        if let Some(q) = o.as_qstr() {
            return Some(self.qstr_bytes(q));
        }
        self.heap.len_prefixed_bytes(o.heap_offset()?, Kind::Str)
    }

    /// The bytes of a `bytes` or `bytearray`.
    pub(crate) fn bytes_data(&self, o: Obj) -> Option<&[u8]> {
        if let Some(n) = o.imm_of(Imm::RomBytes) {
            let image = self.image(n >> 20);
            return Some(crate::loader::image_str(
                image,
                (n & 0xf_ffff) as usize,
                true,
            ));
        }
        match self.kind_of(o) {
            Some(Kind::Bytes) => self.heap.len_prefixed_bytes(o.bits(), Kind::Bytes),
            Some(Kind::ByteArray) => {
                let len = self.heap.get(o.bits(), 0);
                let store = self.heap.get_obj(o.bits(), 1);
                Some(self.heap.bytes(store.bits(), 1, len))
            }
            _ => None,
        }
    }

    /// str or bytes data, with whether it was a str.
    /// What `mp_obj_str_get_data` accepts: a str or bytes, not a bytearray; (data, is str).
    pub(crate) fn str_get_data(&self, o: Obj) -> Option<(&[u8], bool)> {
        self.str_or_bytes(o)
            .filter(|_| !self.is_kind(o, Kind::ByteArray))
    }

    pub(crate) fn str_or_bytes(&self, o: Obj) -> Option<(&[u8], bool)> {
        if let Some(s) = self.str_data(o) {
            return Some((s, true));
        }
        self.bytes_data(o).map(|b| (b, false))
    }

    /// Items of a tuple or list: (block, first item word, length).
    pub(crate) fn seq_parts(&self, o: Obj) -> Option<(u32, u32, u32)> {
        match self.kind_of(o) {
            Some(Kind::Tuple) => Some((o.bits(), 1, self.heap.get(o.bits(), 0))),
            Some(Kind::List) => {
                let store = self.heap.get_obj(o.bits(), 1);
                Some((store.bits(), 0, self.heap.get(o.bits(), 0)))
            }
            _ => None,
        }
    }

    /// [`Vm::seq_parts`], else TypeError as obj.c's mp_obj_get_array.
    pub(crate) fn seq_parts_or_raise(&mut self, o: Obj) -> PyResult<(u32, u32, u32)> {
        match self.seq_parts(o) {
            Some(p) => Ok(p),
            None => {
                let t = self.type_name(o);
                Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"object '", &t, &"' isn't a tuple or list"],
                ))
            }
        }
    }

    pub(crate) fn seq_get(&self, parts: (u32, u32, u32), i: u32) -> Obj {
        if i < parts.2 {
            self.heap.get_obj(parts.0, parts.1 + i)
        } else {
            Obj::NULL
        }
    }

    // ----- truth -----

    pub(crate) fn is_true(&mut self, o: Obj) -> PyResult<bool> {
        if o == Obj::FALSE || o == Obj::NONE {
            return Ok(false);
        }
        if o == Obj::TRUE {
            return Ok(true);
        }
        if let Some(v) = o.as_small() {
            return Ok(v != 0);
        }
        if let Some(q) = o.as_qstr() {
            return Ok(!self.qstr_bytes(q).is_empty());
        }
        if let Some(f) = self.float_value(o) {
            return Ok(f != 0.0);
        }
        if let Some((real, imag)) = self.complex_value(o) {
            return Ok(real != 0.0 || imag != 0.0);
        }
        match self.kind_of(o) {
            Some(Kind::BigInt) => return Ok(!self.int_is_zero(o)),
            Some(
                Kind::Str
                | Kind::Bytes
                | Kind::Tuple
                | Kind::List
                | Kind::Dict
                | Kind::Set
                | Kind::TypedArray
                | Kind::ByteArray,
            ) => return Ok(self.len_of(o)?.unwrap_or(1) != 0),
            Some(Kind::Range) => return Ok(self.len_of(o)?.unwrap_or(1) != 0),
            Some(Kind::Iter) if self.heap.get(o.bits(), 0) & crate::object::iter::VIEW != 0 => {
                return Ok(self.len_of(o)?.unwrap_or(1) != 0);
            }
            Some(Kind::Instance) => {
                if let Some(r) = self.call_special(o, "__bool__", &[])? {
                    return self.is_true(r);
                }
                if let Some(r) = self.call_special(o, "__len__", &[])? {
                    return Ok(r.as_small().unwrap_or(1) != 0);
                }
                if let Some(n) = self.container_of(o) {
                    return self.is_true(n);
                }
                return Ok(true);
            }
            _ => {}
        }
        if o.imm_of(Imm::RomBytes).is_some() {
            return Ok(self.bytes_data(o).is_some_and(|d| !d.is_empty()));
        }
        Ok(true)
    }

    /// `len(o)` for sized built-ins and classes with `__len__`; None when unsized.
    pub(crate) fn len_of(&mut self, o: Obj) -> PyResult<Option<u32>> {
        if let Some(s) = self.str_data(o) {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Some(crate::object::str::char_count(s) as u32));
        }
        if let Some(d) = self.bytes_data(o) {
            #[allow(clippy::cast_possible_truncation)]
            return Ok(Some(d.len() as u32));
        }
        match self.kind_of(o) {
            Some(Kind::Tuple | Kind::List | Kind::Dict | Kind::Set) => {
                Ok(Some(self.heap.get(o.bits(), 0)))
            }
            Some(Kind::Range) => Ok(Some(self.range_len(o))),
            Some(Kind::TypedArray) => Ok(Some(self.heap.get(o.bits(), 0))),
            Some(Kind::Iter) if self.heap.get(o.bits(), 0) & crate::object::iter::VIEW != 0 => {
                let d = self.heap.get_obj(o.bits(), 2);
                Ok(Some(self.heap.get(d.bits(), 0)))
            }
            Some(Kind::Instance) => match self.call_special(o, "__len__", &[])? {
                Some(r) => match r.as_small() {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    Some(v) if v >= 0 => Ok(Some(v as u32)),
                    _ => Err(self.raise_msg_str(
                        b::T_TYPE_ERROR,
                        "object cannot be interpreted as an integer",
                    )),
                },
                None => match self.container_of(o) {
                    Some(n) => self.len_of(n),
                    None => Ok(None),
                },
            },
            _ => Ok(None),
        }
    }

    /// (start, stop, step) of a range (ints, small or not).
    pub(crate) fn range_parts(&self, r: Obj) -> (i64, i64, i64) {
        let g = |i, d| self.int_to_i64(self.heap.get_obj(r.bits(), i)).unwrap_or(d);
        (g(0, 0), g(1, 0), g(2, 1))
    }

    /// py/objrange.c's `range_len`, in its 32-bit `mp_int_t` arithmetic (the bounds fit 32
    /// bits, see `new_range`): a span wider than that wraps, as on the reference's 32-bit
    /// ports (`len(range(-2**30, 2**30))` is 0 there).
    pub(crate) fn range_len(&self, r: Obj) -> u32 {
        let (start, stop, step) = self.range_parts(r);
        #[allow(clippy::cast_possible_truncation)]
        let (start, stop, step) = (start as i32, stop as i32, step as i32);
        let len = stop.wrapping_sub(start).wrapping_add(step);
        let len = if step > 0 {
            len.wrapping_sub(1)
        } else {
            len.wrapping_add(1)
        };
        let len = len.checked_div(step).unwrap_or(0);
        u32::try_from(len).unwrap_or(0)
    }

    // ----- equality and hashing -----

    /// `a == b`.
    pub(crate) fn equal(&mut self, a: Obj, b: Obj) -> PyResult<bool> {
        if a == b {
            // NaN is the exception.
            if let Some(f) = self.float_value(a) {
                return Ok(!f.is_nan());
            }
            return Ok(true);
        }
        let r = self.binary_op(mpy_format::opcode::BinaryOp::EQUAL, a, b)?;
        Ok(r == Obj::TRUE)
    }

    /// `start` plus the hashes of items 0..n (`item` gives None for an empty slot), kept to
    /// small-int width: a tuple's or frozenset's hash.
    fn sum_hashes(
        &mut self,
        start: u32,
        n: u32,
        item: impl Fn(&Self, u32) -> Option<Obj>,
    ) -> PyResult<u32> {
        self.enter_native()?;
        let mut h = start;
        let mut r = Ok(());
        for i in 0..n {
            if let Some(it) = item(self, i) {
                r = self.hash(it).map(|v| h = h.wrapping_add(v));
                if r.is_err() {
                    break;
                }
            }
        }
        self.leave_native();
        r.map(|()| small_int_hash(h))
    }

    /// Hash as MicroPython computes it (so dict/set order matches).
    pub(crate) fn hash(&mut self, o: Obj) -> PyResult<u32> {
        if let Some(v) = o.as_small() {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            return Ok(v as u32);
        }
        if let Some(s) = self.str_data(o) {
            return Ok(hash_bytes(s));
        }
        if o == Obj::FALSE {
            return Ok(0);
        }
        // The WebAssembly port's immediate None and its singletons' addresses.
        if o == Obj::NONE {
            return Ok(6);
        }
        if o == Obj::ELLIPSIS {
            return Ok(98_016);
        }
        if o == Obj::NOT_IMPLEMENTED {
            return Ok(98_024);
        }
        if o == Obj::TRUE {
            return Ok(1);
        }
        if let Some(d) = self.bytes_data(o) {
            if self.is_kind(o, Kind::ByteArray) {
                return Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"unsupported type for __hash__: 'bytearray'"],
                ));
            }
            return Ok(hash_bytes(d));
        }
        if let Some(f) = self.float_value(o) {
            return Ok(float_hash(f));
        }
        if let Some((real, imag)) = self.complex_value(o) {
            return Ok(float_hash(real) ^ float_hash(imag));
        }
        match self.kind_of(o) {
            Some(Kind::BigInt) => {
                // mpz_hash: the low 32 bits of the value, then kept to small-int width
                // (MP_OBJ_NEW_SMALL_INT) as every hash is.
                let v =
                    self.big_of(o)
                        .map_or(0, |b| if b.neg { b.d[0].wrapping_neg() } else { b.d[0] });
                #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
                let v = (((v << 1) as i32) >> 1) as u32;
                return Ok(v);
            }
            // objtuple.c / objset.c: an address to start from, plus the items' hashes.
            Some(Kind::Tuple) => {
                let n = self.heap.get(o.bits(), 0);
                return self.sum_hashes(EMPTY_TUPLE_ADDRESS, n, |vm, i| {
                    Some(vm.heap.get_obj(o.bits(), i + 1))
                });
            }
            Some(Kind::Set) if self.heap.get(o.bits(), 1) != 0 => {
                let n = self.set_alloc(o);
                return self.sum_hashes(FROZENSET_TYPE_ADDRESS, n, |vm, i| vm.set_slot(o, i));
            }
            // Types whose unary_op does not handle hashing (py/runtime.c mp_unary_op).
            Some(Kind::List | Kind::Dict | Kind::Slice | Kind::Range | Kind::TypedArray) => {
                let name = self.type_name(o);
                return Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"unsupported type for __hash__: '", &name, &"'"],
                ));
            }
            Some(Kind::Set) if self.heap.get(o.bits(), 1) == 0 => {
                return Err(
                    self.raise_parts(b::T_TYPE_ERROR, &[&"unsupported type for __hash__: 'set'"])
                );
            }
            Some(Kind::BoundMethod) => {
                // Equal bound methods (same function, same self) hash alike.
                let f = self.heap.get(o.bits(), 0);
                let s = self.heap.get(o.bits(), 1);
                return Ok((f >> 2) ^ (s >> 2).rotate_left(16));
            }
            Some(Kind::Iter) => {
                let k = self.heap.get(o.bits(), 0);
                if k & crate::object::iter::VIEW != 0
                    && k & 0xff != crate::object::iter::IT_DICT_VALUES
                {
                    let name = self.type_name(o);
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[&"unsupported type for __hash__: '", &name, &"'"],
                    ));
                }
            }
            Some(Kind::Instance) => {
                if let Some(r) = self.call_special(o, "__hash__", &[])? {
                    if r.as_small().is_none() && self.big_of(r).is_none() {
                        return Err(
                            self.raise_msg_str(b::T_TYPE_ERROR, "__hash__ must return an int")
                        );
                    }
                    return self.hash(r);
                }
                // objdeque.c's unary_op answers only bool and len: no hash.
                let deque = self.native_base(self.heap.get_obj(o.bits(), 0)) == b::T_DEQUE;
                if deque || self.lookup_special(o, "__eq__").is_some() {
                    let name = self.type_name(o);
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[&"unsupported type for __hash__: '", &name, &"'"],
                    ));
                }
                // A subclass of a value type (a namedtuple, a str or int subclass) hashes as
                // its value, and one of a container is unhashable like it (objtype.c hands
                // the operation to the native base); streams, deques and the like keep
                // their identity.
                let cls = self.heap.get_obj(o.bits(), 0);
                if matches!(
                    self.native_base(cls),
                    b::T_TUPLE
                        | b::T_STR
                        | b::T_BYTES
                        | b::T_INT
                        | b::T_FLOAT
                        | b::T_COMPLEX
                        | b::T_FROZENSET
                        | b::T_LIST
                        | b::T_DICT
                        | b::T_SET
                        | b::T_BYTEARRAY
                ) {
                    if let Some(n) = self.native_of(o) {
                        return self.hash(n);
                    }
                }
            }
            _ => {}
        }
        Ok(o.bits() >> 2)
    }
}

/// MicroPython starts a tuple's hash from the address of the empty tuple and a frozenset's
/// from the address of its type, then adds the items' hashes. These are the addresses in the
/// reference VM (the MicroPython 1.29 WebAssembly port), so that dicts and sets holding
/// tuples or frozensets iterate in its order; a board's addresses differ, as its orders do.
const EMPTY_TUPLE_ADDRESS: u32 = 99_184;
const FROZENSET_TYPE_ADDRESS: u32 = 97_540;

/// A hash kept to small-int width, as MP_OBJ_NEW_SMALL_INT keeps every hash.
fn small_int_hash(h: u32) -> u32 {
    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
    let r = (((h << 1) as i32) >> 1) as u32;
    r
}

/// `mp_float_hash` as ports below `MICROPY_CONFIG_ROM_LEVEL_EVERYTHING` define it (py/obj.h,
/// no `MICROPY_FLOAT_HIGH_QUALITY_HASH`): the value cast to a 32-bit `mp_int_t` (saturating,
/// NaN to 0, as wasm's conversion does), then kept to small-int width.
fn float_hash(f: f64) -> u32 {
    #[allow(clippy::cast_possible_truncation)]
    let v = f as i32;
    #[allow(clippy::cast_sign_loss)]
    let r = ((v << 1) >> 1) as u32;
    r
}

/// Built-in types whose instances keep internal state in their native slot (a stream's
/// buffer or file descriptor, a hash's state), which is no value of theirs.
fn keeps_state(native: u32) -> bool {
    matches!(
        native,
        b::T_STRINGIO | b::T_BYTESIO | b::T_TEXTIO | b::T_FILEIO | b::T_SHA256
    )
}
