//! Attributes, classes, special-method lookup, super() and import
//! (after py/runtime.c `mp_load_attr`/`mp_load_method`, py/objtype.c, py/builtinimport.c).

use crate::builtins as b;
use crate::heap::Kind;
use crate::loader::{M_GLOBALS, M_NAME};
use crate::obj::{Imm, Obj, Qstr};
use crate::object::dict::NameKey;
use crate::vm::{PyResult, Vm};

/// Class flag: a user class has been used as a base (MP_TYPE_FLAG_IS_SUBCLASSED).
const CLASS_SUBCLASSED: i64 = 1;
/// Class flag: the class or a base has a special accessor (MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS).
pub(crate) const CLASS_HAS_SPECIAL: i64 = 2;

/// The longest name MicroPython interns (a qstr's length is one byte): a longer attribute,
/// keyword, class or module name raises `RuntimeError: name too long` (qstr_from_strn).
pub(crate) const MAX_NAME_LEN: usize = 255;

impl<'a> Vm<'a> {
    /// `RuntimeError: name too long` when `name` (a str or bytes) is longer than a name
    /// MicroPython can intern ([`MAX_NAME_LEN`]), as interning it would raise there.
    pub(crate) fn check_name_len(&mut self, name: Obj) -> PyResult<()> {
        if self
            .str_or_bytes(name)
            .is_some_and(|(d, _)| d.len() > MAX_NAME_LEN)
        {
            return Err(self.name_too_long());
        }
        Ok(())
    }

    /// Raise `RuntimeError: name too long` (a name past [`MAX_NAME_LEN`]).
    pub(crate) fn name_too_long(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_RUNTIME_ERROR, "name too long")
    }

    /// Depth-first lookup of `name` in a class and its bases (mp_obj_class_lookup).
    pub(crate) fn class_lookup(&self, cls: Obj, name: &[u8]) -> Option<Obj> {
        self.class_lookup_depth(cls, &NameKey::bytes(name), 0)
    }

    /// [`Vm::class_lookup`] of a name object (interned names compare by identity).
    pub(crate) fn class_lookup_name(&self, cls: Obj, name: &NameKey<'_>) -> Option<Obj> {
        if self.known_absent(cls, name) {
            return None;
        }
        let r = self.class_lookup_depth(cls, name, 0);
        if r.is_none() {
            self.note_absent(cls, name);
        }
        r
    }

    fn class_lookup_depth(&self, cls: Obj, name: &NameKey<'_>, depth: u32) -> Option<Obj> {
        if depth > 32 || !self.is_kind(cls, Kind::Class) {
            return None;
        }
        let d = self.heap.get_obj(cls.bits(), 2);
        if let Some(v) = self.dict_lookup_name(d, name) {
            return Some(v);
        }
        let bases = self.heap.get_obj(cls.bits(), 1);
        for i in 0..self.tuple_len(bases) {
            let base = self.heap.get_obj(bases.bits(), i + 1);
            if let Some(v) = self.class_lookup_depth(base, name, depth + 1) {
                return Some(v);
            }
        }
        None
    }

    /// A special method of an instance's class.
    pub(crate) fn lookup_special(&self, o: Obj, name: &str) -> Option<Obj> {
        if !self.is_kind(o, Kind::Instance) {
            return None;
        }
        let cls = self.heap.get_obj(o.bits(), 0);
        self.class_lookup(cls, name.as_bytes())
    }

    /// Call special method `name` of instance `o` if its class defines it.
    pub(crate) fn call_special(
        &mut self,
        o: Obj,
        name: &str,
        args: &[Obj],
    ) -> PyResult<Option<Obj>> {
        let Some(m) = self.lookup_special(o, name) else {
            return Ok(None);
        };
        let mut buf = [Obj::NULL; 4];
        buf[0] = o;
        let n = args.len().min(3);
        buf[1..=n].copy_from_slice(&args[..n]);
        let kind = if self.is_kind(m, Kind::Wrapper) {
            self.heap.get(m.bits(), 0)
        } else {
            0
        };
        match kind {
            // classmethod: the class for self
            1 => {
                buf[0] = self.heap.get_obj(o.bits(), 0);
                let f = self.heap.get_obj(m.bits(), 1);
                self.call_obj(f, &buf[..=n]).map(Some)
            }
            // staticmethod: no self
            2 => {
                let f = self.heap.get_obj(m.bits(), 1);
                self.call_obj(f, &buf[1..=n]).map(Some)
            }
            _ => self.call_obj(m, &buf[..=n]).map(Some),
        }
    }

    pub(crate) fn attr_error(&mut self, o: Obj, name: Obj) -> crate::vm::Raised {
        let n = crate::vm::StrOf(name);
        if self.is_kind(o, Kind::Class) || o.imm_of(Imm::Type).is_some() {
            let t = crate::vm::StrOf(self.type_name_of_type(o));
            return self.raise_parts(
                b::T_ATTRIBUTE_ERROR,
                &[&"type object '", &t, &"' has no attribute '", &n, &"'"],
            );
        }
        let t = self.type_name(o);
        self.raise_parts(
            b::T_ATTRIBUTE_ERROR,
            &[&"'", &t, &"' object has no attribute '", &n, &"'"],
        )
    }

    /// `o.name`.
    pub(crate) fn load_attr(&mut self, o: Obj, name: Obj) -> PyResult<Obj> {
        let (m, s) = self.load_method_inner(o, name, false)?;
        if s.is_null() {
            return Ok(m);
        }
        // Bind.
        let base = self.roots_len();
        self.push_root(m);
        self.push_root(s);
        let bm = self.alloc(Kind::BoundMethod, 2);
        self.truncate_roots(base);
        let bm = bm?;
        self.heap.set_obj(bm, 0, m);
        self.heap.set_obj(bm, 1, s);
        Ok(Obj::heap(bm))
    }

    /// LOAD_METHOD: (method, self) or (value, NULL).
    pub(crate) fn load_method(&mut self, o: Obj, name: Obj) -> PyResult<(Obj, Obj)> {
        self.load_method_inner(o, name, true)
    }

    #[allow(clippy::too_many_lines)]
    fn load_method_inner(&mut self, o: Obj, name: Obj, _for_call: bool) -> PyResult<(Obj, Obj)> {
        // The common case first: an interned name found in an instance or its class (the
        // same lookups, in the same order, as the general path below).
        if let (Some(q), true) = (name.as_qstr(), self.is_kind(o, Kind::Instance)) {
            let nm = self.qstr_bytes(q);
            if nm != b"__class__" {
                let key = NameKey::new(name, nm);
                let d = self.heap.get_obj(o.bits(), 1);
                if let Some(v) = self.dict_lookup_name_or_absent(d, &key) {
                    return Ok((v, Obj::NULL));
                }
                let cls = self.heap.get_obj(o.bits(), 0);
                if let Some(v) = self.class_lookup_name(cls, &key) {
                    return self.bind_class_attr(v, o, cls);
                }
            }
        }
        let nm: &[u8] = match self.str_data(name) {
            Some(d) => d,
            None => {
                return Err(self.raise_msg_str(b::T_TYPE_ERROR, "attribute name must be a string"))
            }
        };
        // Copy the name: it may live in the heap and we will allocate.
        let mut nbuf = [0u8; MAX_NAME_LEN];
        if nm.len() > MAX_NAME_LEN {
            return Err(self.name_too_long());
        }
        let nlen = nm.len();
        nbuf[..nlen].copy_from_slice(&nm[..nlen]);
        let nm = &nbuf[..nlen];
        if nm == b"__class__" {
            return Ok((self.type_of(o), Obj::NULL));
        }
        let key = NameKey::new(name, nm);
        match self.kind_of(o) {
            Some(Kind::Instance) => {
                let d = self.heap.get_obj(o.bits(), 1);
                if let Some(v) = self.dict_lookup_name(d, &key) {
                    return Ok((v, Obj::NULL));
                }
                let cls = self.heap.get_obj(o.bits(), 0);
                if let Some(v) = self.class_lookup_name(cls, &key) {
                    return self.bind_class_attr(v, o, cls);
                }
                if nm == b"__dict__" {
                    let d = self.instance_dict(o)?;
                    return Ok((d, Obj::NULL));
                }
                if self.is_exception(o) {
                    if nm == b"args" {
                        let a = self.heap.get_obj(o.bits(), 2);
                        let a = if a.is_null() { self.new_tuple(0)? } else { a };
                        return Ok((a, Obj::NULL));
                    }
                    if nm == b"value" {
                        let a = self.heap.get_obj(o.bits(), 2);
                        let v = if self.tuple_len(a) > 0 {
                            self.heap.get_obj(a.bits(), 1)
                        } else {
                            Obj::NONE
                        };
                        return Ok((v, Obj::NULL));
                    }
                    if nm == b"errno" {
                        let a = self.heap.get_obj(o.bits(), 2);
                        let v = if self.tuple_len(a) > 0 {
                            self.heap.get_obj(a.bits(), 1)
                        } else {
                            Obj::NONE
                        };
                        return Ok((v, Obj::NULL));
                    }
                }
                let native = self.native_base(cls);
                if let Some(mi) = b::find_method(native, nm) {
                    return Ok((Obj::imm(Imm::Method, mi), o));
                }
                if let Some(ga) = self.class_lookup(cls, b"__getattr__") {
                    let r = self.call_obj(ga, &[o, name])?;
                    return Ok((r, Obj::NULL));
                }
            }
            Some(Kind::Class) => {
                if nm == b"__name__" || nm == b"__qualname__" {
                    return Ok((self.heap.get_obj(o.bits(), 0), Obj::NULL));
                }
                if nm == b"__bases__" {
                    let bases = self.heap.get_obj(o.bits(), 1);
                    if self.tuple_len(bases) == 0 {
                        let t = self.new_tuple_from(&[b::type_obj(b::T_OBJECT)])?;
                        return Ok((t, Obj::NULL));
                    }
                    return Ok((bases, Obj::NULL));
                }
                if nm == b"__dict__" {
                    return Ok((self.heap.get_obj(o.bits(), 2), Obj::NULL));
                }
                if let Some(v) = self.class_lookup_name(o, &key) {
                    if self.is_kind(v, Kind::Wrapper) {
                        let which = self.heap.get(v.bits(), 0);
                        let f = self.heap.get_obj(v.bits(), 1);
                        return Ok(match which {
                            1 => (f, o),
                            2 => (f, Obj::NULL),
                            _ => (v, Obj::NULL),
                        });
                    }
                    // (A descriptor read through the class is itself: MicroPython calls
                    // `__get__` only for instances.)
                    return Ok((v, Obj::NULL));
                }
                let native = self.native_base(o);
                if let Some(mi) = b::find_method(native, nm) {
                    return Ok((Obj::imm(Imm::Method, mi), Obj::NULL));
                }
            }
            Some(Kind::Module) => {
                if nm == b"__name__" {
                    return Ok((self.heap.get_obj(o.bits(), M_NAME), Obj::NULL));
                }
                let g = self.heap.get_obj(o.bits(), M_GLOBALS);
                if nm == b"__dict__" {
                    return Ok((g, Obj::NULL));
                }
                if let Some(v) = self.dict_lookup_name(g, &key) {
                    return Ok((v, Obj::NULL));
                }
                if g == self.builtins_override {
                    if let Some(v) = b::lookup_builtin(nm) {
                        return Ok((v, Obj::NULL));
                    }
                }
                // A module-level `__getattr__(name)` serves the names the module lacks
                // (objmodule.c's module_attr, MICROPY_MODULE_GETATTR).
                if nm != b"__getattr__" {
                    if let Some(ga) = self.dict_lookup_str(g, b"__getattr__") {
                        let r = self.call_obj(ga, &[name])?;
                        return Ok((r, Obj::NULL));
                    }
                }
            }
            Some(Kind::Function) if nm == b"__name__" => {
                let code = self.code_of_function(o);
                return Ok((code.map_or(Obj::NONE, |c| Obj::qstr(c.name)), Obj::NULL));
            }
            Some(Kind::Function) if nm == b"__globals__" => {
                let m = self.heap.get_obj(o.bits(), 1);
                return Ok((self.heap.get_obj(m.bits(), M_GLOBALS), Obj::NULL));
            }
            Some(Kind::BoundMethod) => {
                if nm == b"__self__" {
                    return Ok((self.heap.get_obj(o.bits(), 1), Obj::NULL));
                }
                if nm == b"__func__" {
                    return Ok((self.heap.get_obj(o.bits(), 0), Obj::NULL));
                }
                let f = self.heap.get_obj(o.bits(), 0);
                if nm == b"__name__" && self.is_kind(f, Kind::Function) {
                    return self.load_method_inner(f, name, false);
                }
            }
            Some(Kind::Super) => {
                let cls = self.heap.get_obj(o.bits(), 0);
                let s = self.heap.get_obj(o.bits(), 1);
                let q = match name.as_qstr() {
                    Some(q) => q,
                    None => return Err(self.attr_error(o, name)),
                };
                return self.super_lookup(cls, s, q, false);
            }
            // property.setter / getter / deleter decorators (MicroPython's property has no
            // fget / fset / fdel attributes)
            Some(Kind::Wrapper) if self.heap.get(o.bits(), 0) == 0 => {
                let which = match nm {
                    b"setter" => 1,
                    b"getter" => 0,
                    b"deleter" => 2,
                    _ => 99,
                };
                if which < 99 {
                    return Ok((Obj::imm(Imm::Method, b::property_method_index(which)), o));
                }
            }
            _ => {}
        }
        if let Some(id) = o.imm_of(Imm::Type) {
            if nm == b"__name__" || nm == b"__qualname__" {
                return Ok((self.type_name_of_type(o), Obj::NULL));
            }
            if nm == b"__dict__" {
                // The built-in type's methods.
                let d = self.new_dict(0)?;
                self.push_root(d);
                let mut r = Ok(());
                for (mi, m) in b::METHODS.iter().enumerate() {
                    if m.ty() == id && r.is_ok() {
                        #[allow(clippy::cast_possible_truncation)]
                        let v = Obj::imm(Imm::Method, mi as u32);
                        r = self.new_str_bytes(m.name.as_bytes()).and_then(|k| {
                            self.push_root(k);
                            let r = self.dict_store(d, k, v);
                            self.pop_root();
                            r
                        });
                    }
                }
                self.pop_root();
                return r.map(|()| (d, Obj::NULL));
            }
            if nm == b"__bases__" {
                let t = match b::type_base(id) {
                    Some(base) => self.new_tuple_from(&[b::type_obj(base)])?,
                    None => self.new_tuple(0)?,
                };
                return Ok((t, Obj::NULL));
            }
            if let Some(mi) = b::find_method(id, nm) {
                let m = &b::METHODS[mi as usize];
                if m.class_method {
                    return Ok((Obj::imm(Imm::Method, mi), o));
                }
                return Ok((Obj::imm(Imm::Method, mi), Obj::NULL));
            }
            return Err(self.attr_error(o, name));
        }
        // Built-in instance methods.
        let t = self.builtin_type_id(o);
        if let Some(mi) = b::find_method(t, nm) {
            return Ok((Obj::imm(Imm::Method, mi), o));
        }
        if let Some(v) = self.builtin_attr(o, nm)? {
            return Ok((v, Obj::NULL));
        }
        if self.is_kind(o, Kind::Module) {
            // py/runtime.c's mp_load_attr names the module (MICROPY_MODULE___ALL__ with
            // detailed error reporting, as the WebAssembly port has); stores do not.
            let m = crate::vm::StrOf(self.heap.get_obj(o.bits(), M_NAME));
            let n = crate::vm::StrOf(name);
            return Err(self.raise_parts(
                b::T_ATTRIBUTE_ERROR,
                &[&"module '", &m, &"' has no attribute '", &n, &"'"],
            ));
        }
        Err(self.attr_error(o, name))
    }

    /// Data attributes of built-in objects (`real`, `start`, ...).
    fn builtin_attr(&mut self, o: Obj, nm: &[u8]) -> PyResult<Option<Obj>> {
        match self.kind_of(o) {
            Some(Kind::Range) => {
                let i = match nm {
                    b"start" => 0,
                    b"stop" => 1,
                    b"step" => 2,
                    _ => return Ok(None),
                };
                Ok(Some(self.heap.get_obj(o.bits(), i)))
            }
            Some(Kind::Slice) => {
                let i = match nm {
                    b"start" => 0,
                    b"stop" => 1,
                    b"step" => 2,
                    _ => return Ok(None),
                };
                Ok(Some(self.heap.get_obj(o.bits(), i)))
            }
            Some(Kind::TypedArray) if cfg!(feature = "array") && nm == b"itemsize" => {
                match self.typed_info(o) {
                    Some((tc, _, f)) if f & crate::object::typed::MV != 0 => {
                        let n = crate::object::typed::item_size(tc).unwrap_or(1);
                        #[allow(clippy::cast_possible_wrap)]
                        Ok(Some(Obj::small_sat(n as i64)))
                    }
                    _ => Ok(None),
                }
            }
            #[cfg(feature = "weakref")]
            Some(Kind::Instance)
                if self.is_builtin_instance(o, crate::builtins::T_WEAKREF_FINALIZE) =>
            {
                Ok(self.finalize_attr(o, nm))
            }
            #[cfg(feature = "tstrings")]
            Some(Kind::Instance) => self.template_attr(o, nm),
            // MicroPython's int and float have no `real`/`imag`; complex has.
            Some(Kind::Complex) if cfg!(feature = "complex") => {
                let (real, imag) = self.complex_value(o).unwrap_or_default();
                match nm {
                    b"real" => self.new_float(real).map(Some),
                    b"imag" => self.new_float(imag).map(Some),
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// Bind a class attribute found via an instance.
    fn bind_class_attr(&mut self, v: Obj, inst: Obj, cls: Obj) -> PyResult<(Obj, Obj)> {
        match self.kind_of(v) {
            Some(Kind::Function) => Ok((v, inst)),
            Some(Kind::Wrapper) => {
                let which = self.heap.get(v.bits(), 0);
                let f = self.heap.get_obj(v.bits(), 1);
                match which {
                    3 => {
                        let t = self.heap.get_obj(inst.bits(), 2);
                        let i = f.as_small().unwrap_or(0);
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let v = if self.is_kind(t, Kind::Tuple)
                            && i >= 0
                            && (i as u32) < self.tuple_len(t)
                        {
                            self.heap.get_obj(t.bits(), i as u32 + 1)
                        } else {
                            Obj::NONE
                        };
                        Ok((v, Obj::NULL))
                    }
                    0 => {
                        if f.is_null() || f == Obj::NONE {
                            return Err(
                                self.raise_msg_str(b::T_ATTRIBUTE_ERROR, "unreadable attribute")
                            );
                        }
                        let r = self.call_obj(f, &[inst])?;
                        Ok((r, Obj::NULL))
                    }
                    1 => Ok((f, cls)),
                    _ => Ok((f, Obj::NULL)),
                }
            }
            Some(Kind::Instance) => match self.lookup_special(v, "__get__") {
                // A descriptor: __get__(instance, owner class).
                Some(g) => Ok((self.call_obj(g, &[v, inst, cls])?, Obj::NULL)),
                None => Ok((v, Obj::NULL)),
            },
            _ => Ok((v, Obj::NULL)),
        }
    }

    /// The instance dict, created on demand.
    pub(crate) fn instance_dict(&mut self, o: Obj) -> PyResult<Obj> {
        let d = self.heap.get_obj(o.bits(), 1);
        if !d.is_null() {
            return Ok(d);
        }
        self.push_root(o);
        let d = self.new_dict(0);
        self.pop_root();
        let d = d?;
        self.heap.set_obj(o.bits(), 1, d);
        Ok(d)
    }

    /// A new user class `[name, bases, dict, flags]` (mp_obj_new_type): user-class bases
    /// are marked subclassed, and the class has special accessors when a base has or when
    /// its dict holds one.
    pub(crate) fn new_class(&mut self, name: Obj, bases: Obj, d: Obj) -> PyResult<Obj> {
        // mp_obj_new_type's checks: a tuple of types, a dict, bases that can make instances.
        if !self.is_kind(bases, Kind::Tuple) || !self.is_kind(d, Kind::Dict) {
            return Err(self.raise_bare(b::T_TYPE_ERROR));
        }
        for i in 0..self.tuple_len(bases) {
            let base = self.heap.get_obj(bases.bits(), i + 1);
            if let Some(id) = base.imm_of(Imm::Type) {
                if matches!(
                    id,
                    b::T_FUNCTION
                        | b::T_BUILTIN_FN
                        | b::T_CLOSURE
                        | b::T_GEN_FUNCTION
                        | b::T_BOUND_METHOD
                        | b::T_GENERATOR
                        | b::T_MODULE
                        | b::T_NONETYPE
                        | b::T_CELL
                        | b::T_ITERATOR
                        | b::T_SLICE
                ) {
                    let t = b::type_name(id);
                    return Err(self.raise_parts(
                        b::T_TYPE_ERROR,
                        &[&"type '", &t, &"' isn't an acceptable base type"],
                    ));
                }
            } else if !self.is_kind(base, Kind::Class) {
                return Err(self.raise_bare(b::T_TYPE_ERROR));
            }
        }
        // At most one built-in (native) base in the whole hierarchy.
        let native_bases = (0..self.tuple_len(bases))
            .filter(|&i| self.native_base(self.heap.get_obj(bases.bits(), i + 1)) != b::T_OBJECT)
            .count();
        if native_bases > 1 {
            return Err(self.raise_msg_str(
                b::T_TYPE_ERROR,
                "multiple bases have instance lay-out conflict",
            ));
        }
        let mut flags = 0;
        for i in 0..self.tuple_len(bases) {
            let base = self.heap.get_obj(bases.bits(), i + 1);
            if self.is_kind(base, Kind::Class) {
                let bf = self.class_flags(base);
                flags |= bf & CLASS_HAS_SPECIAL;
                self.set_class_flags(base, bf | CLASS_SUBCLASSED);
            }
        }
        if flags & CLASS_HAS_SPECIAL == 0 && self.is_kind(d, Kind::Dict) {
            for i in 0..self.dict_alloc(d) {
                if let Some((k, v)) = self.dict_slot(d, i) {
                    if self.is_special_accessor(k, v) {
                        flags |= CLASS_HAS_SPECIAL;
                        break;
                    }
                }
            }
        }
        if self.is_kind(d, Kind::Dict) {
            // `__new__` is a static method without the decorator.
            for i in 0..self.dict_alloc(d) {
                if let Some((k, v)) = self.dict_slot(d, i) {
                    if self.str_data(k) == Some(b"__new__") && self.is_kind(v, Kind::Function) {
                        self.push_root(d);
                        let w = self.alloc(Kind::Wrapper, 4);
                        self.pop_root();
                        let w = w?;
                        self.heap.set(w, 0, 2);
                        self.heap.set_obj(w, 1, v);
                        self.dict_store(d, k, Obj::heap(w))?;
                        break;
                    }
                }
            }
        }
        let c = self.alloc(Kind::Class, 4)?;
        self.heap.set_obj(c, 0, name);
        self.heap.set_obj(c, 1, bases);
        self.heap.set_obj(c, 2, d);
        self.set_class_flags(Obj::heap(c), flags);
        if self.is_kind(d, Kind::Dict) {
            // Descriptors learn their owner and name: v.__set_name__(cls, name), from a
            // snapshot of the namespace (a hook may change it).
            let base = self.roots_len();
            self.push_root(Obj::heap(c));
            let r = (|| {
                let pending = self.new_list(0, 0)?;
                self.push_root(pending);
                for i in 0..self.dict_alloc(d) {
                    if let Some((k, v)) = self.dict_slot(d, i) {
                        if self.lookup_special(v, "__set_name__").is_some() {
                            self.list_append(pending, k)?;
                            self.list_append(pending, v)?;
                        }
                    }
                }
                let mut i = 0;
                while i + 1 < self.heap.get(pending.bits(), 0) {
                    let store = self.heap.get_obj(pending.bits(), 1).bits();
                    let (k, v) = (self.heap.get_obj(store, i), self.heap.get_obj(store, i + 1));
                    if let Some(f) = self.lookup_special(v, "__set_name__") {
                        self.call_obj(f, &[v, Obj::heap(c), k])?;
                    }
                    i += 2;
                }
                Ok(())
            })();
            self.truncate_roots(base);
            r?;
        }
        Ok(Obj::heap(c))
    }

    /// A class's `CLASS_*` flags (a small int in slot 3).
    pub(crate) fn class_flags(&self, c: Obj) -> i64 {
        self.heap.get_obj(c.bits(), 3).as_small().unwrap_or(0)
    }

    pub(crate) fn set_class_flags(&mut self, c: Obj, flags: i64) {
        self.heap.set_obj(c.bits(), 3, Obj::small_sat(flags));
    }

    /// Whether storing `name = v` in a class adds a special accessor
    /// (py/objtype.c `check_for_special_accessors`): `__setattr__`, `__delattr__`, a
    /// property, or an object with `__get__`, `__set__` or `__delete__`.
    fn is_special_accessor(&self, name: Obj, v: Obj) -> bool {
        let nm = self.str_data(name).unwrap_or(&[]);
        if nm == b"__setattr__" || nm == b"__delattr__" {
            return true;
        }
        match self.kind_of(v) {
            Some(Kind::Wrapper) => self.heap.get(v.bits(), 0) == 0,
            Some(Kind::Class | Kind::Instance) => {
                let cls = if self.is_kind(v, Kind::Class) {
                    v
                } else {
                    self.heap.get_obj(v.bits(), 0)
                };
                [&b"__get__"[..], b"__set__", b"__delete__"]
                    .iter()
                    .any(|m| self.class_lookup(cls, m).is_some())
            }
            _ => false,
        }
    }

    /// `o.name = v` (or `del` when `v` is NULL) on an instance whose class has special
    /// accessors: a data descriptor or a property handles it, else `__setattr__` /
    /// `__delattr__`, else the instance's dict. namedtuple instances are immutable.
    #[inline(never)]
    fn store_attr_special(&mut self, o: Obj, cls: Obj, name: Obj, v: Obj) -> PyResult<()> {
        let key = NameKey::new(name, self.str_data(name).unwrap_or(&[]));
        if self.is_kind(self.heap.get_obj(cls.bits(), 2), Kind::Dict)
            && self
                .dict_lookup_str(self.heap.get_obj(cls.bits(), 2), b"_fields")
                .is_some()
        {
            // namedtuple instances are immutable (py/objnamedtuple.c's attr handler).
            return Err(self.raise_msg_str(b::T_ATTRIBUTE_ERROR, "can't set attribute"));
        }
        if let Some(p) = self.class_lookup_name(cls, &key) {
            let hook = if v.is_null() { "__delete__" } else { "__set__" };
            if let Some(f) = self.lookup_special(p, hook) {
                // A data descriptor handles the store / delete.
                if v.is_null() {
                    self.call_obj(f, &[p, o])?;
                } else {
                    self.call_obj(f, &[p, o, v])?;
                }
                return Ok(());
            }
            if self.is_kind(p, Kind::Wrapper) && self.heap.get(p.bits(), 0) == 0 {
                let setter = self.heap.get_obj(p.bits(), if v.is_null() { 3 } else { 2 });
                if setter.is_null() || setter == Obj::NONE {
                    // py/objtype.c reports a property without setter (deleter) as a
                    // missing attribute.
                    return Err(self.attr_error(o, name));
                }
                if v.is_null() {
                    self.call_obj(setter, &[o])?;
                } else {
                    self.call_obj(setter, &[o, v])?;
                }
                return Ok(());
            }
        }
        const SETATTR_HASH: u32 = crate::object::hash_bytes(b"__setattr__");
        let setattr = NameKey::special(b"__setattr__", SETATTR_HASH, 1);
        if let Some(sa) = self.class_lookup_name(cls, &setattr) {
            if !v.is_null() {
                self.call_obj(sa, &[o, name, v])?;
                return Ok(());
            }
        }
        if v.is_null() {
            if let Some(da) = self.class_lookup(cls, b"__delattr__") {
                self.call_obj(da, &[o, name])?;
                return Ok(());
            }
        }
        self.store_in_instance_dict(o, name, v)
    }

    /// `o.name = v` (or `del` when `v` is NULL) in instance `o`'s own dict.
    fn store_in_instance_dict(&mut self, o: Obj, name: Obj, v: Obj) -> PyResult<()> {
        let base = self.roots_len();
        self.push_root(v);
        self.push_root(name);
        let d = self.instance_dict(o);
        self.truncate_roots(base);
        let d = d?;
        if v.is_null() {
            if self.dict_remove(d, name)?.is_none() {
                return Err(self.attr_error(o, name));
            }
            return Ok(());
        }
        self.dict_store(d, name, v)
    }

    /// `o.name = v` (or `del o.name` when `v` is NULL).
    pub(crate) fn store_attr(&mut self, o: Obj, name: Obj, v: Obj) -> PyResult<()> {
        if self.builtin_type_id(o) == b::T_CLOSURE {
            // py/objclosure.c's attr handler only loads: stores and deletes do nothing.
            return Ok(());
        }
        match self.kind_of(o) {
            Some(Kind::Instance) => {
                let cls = self.heap.get_obj(o.bits(), 0);
                if cls.imm_of(Imm::Type).is_some() {
                    // `exc.__traceback__ = None` empties the traceback but keeps its storage,
                    // so that raising a pre-allocated exception again allocates nothing
                    // (objexcept.c).
                    if v == Obj::NONE
                        && self.is_exception(o)
                        && self.str_data(name) == Some(b"__traceback__")
                    {
                        let tb = self.heap.get_obj(o.bits(), 3);
                        if self.is_kind(tb, Kind::List) {
                            self.heap.set(tb.bits(), 0, 0);
                        }
                        return Ok(());
                    }
                    // An instance of a built-in type itself (`object()`, `ValueError()`)
                    // has no attribute dict.
                    return Err(self.attr_error(o, name));
                }
                // As py/objtype.c: only a class with special accessors (a property, a
                // descriptor, `__setattr__` / `__delattr__`, here or in a base; namedtuples)
                // is searched before the store goes to the instance's dict.
                if self.class_flags(cls) & CLASS_HAS_SPECIAL != 0 {
                    return self.store_attr_special(o, cls, name, v);
                }
                self.store_in_instance_dict(o, name, v)
            }
            Some(Kind::Class) => {
                let d = self.heap.get_obj(o.bits(), 2);
                if v.is_null() {
                    if self.dict_remove(d, name)?.is_none() {
                        return Err(self.attr_error(o, name));
                    }
                    return Ok(());
                }
                let flags = self.class_flags(o);
                if flags & CLASS_HAS_SPECIAL == 0 && self.is_special_accessor(name, v) {
                    if flags & CLASS_SUBCLASSED != 0 {
                        return Err(self.raise_msg_str(
                            b::T_ATTRIBUTE_ERROR,
                            "can't add special method to already-subclassed class",
                        ));
                    }
                    self.set_class_flags(o, flags | CLASS_HAS_SPECIAL);
                }
                self.dict_store(d, name, v)
            }
            Some(Kind::Module)
                if self.heap.get(o.bits(), 0) == crate::loader::M_BUILTIN_READ_ONLY =>
            {
                // Built-in modules are read-only.
                Err(self.attr_error(o, name))
            }
            Some(Kind::Module) => {
                let d = self.heap.get_obj(o.bits(), M_GLOBALS);
                if v.is_null() {
                    self.dict_remove(d, name)?;
                    return Ok(());
                }
                self.dict_store(d, name, v)
            }
            _ => {
                let t = self.type_name(o);
                Err(self.raise_parts(
                    b::T_ATTRIBUTE_ERROR,
                    &[
                        &"'",
                        &t,
                        &"' object has no attribute '",
                        &crate::vm::StrOf(name),
                        &"'",
                    ],
                ))
            }
        }
    }

    /// super(cls, self).name: look in the bases of `cls`, bind to `self_obj`.
    pub(crate) fn super_lookup(
        &mut self,
        cls: Obj,
        self_obj: Obj,
        q: Qstr,
        _method: bool,
    ) -> PyResult<(Obj, Obj)> {
        let name = self.qstr_bytes(q);
        if self.is_kind(cls, Kind::Class) {
            let bases = self.heap.get_obj(cls.bits(), 1);
            for i in 0..self.tuple_len(bases) {
                let base = self.heap.get_obj(bases.bits(), i + 1);
                if let Some(v) = self.class_lookup(base, name) {
                    // super() finds properties and descriptors as they are (objtype.c's
                    // super_attr does a class lookup, which calls no getter).
                    let raw = self.is_kind(v, Kind::Instance)
                        || (self.is_kind(v, Kind::Wrapper) && self.heap.get(v.bits(), 0) == 0);
                    if raw {
                        return Ok((v, Obj::NULL));
                    }
                    let owner = if self.is_kind(self_obj, Kind::Class) {
                        self_obj
                    } else {
                        self.type_of(self_obj)
                    };
                    return self.bind_class_attr(v, self_obj, owner);
                }
                if let Some(id) = base.imm_of(Imm::Type) {
                    if let Some(mi) = b::find_method(id, name) {
                        // `object.__new__` is static: the class comes as an argument.
                        let s = if name == b"__new__" {
                            Obj::NULL
                        } else {
                            self_obj
                        };
                        return Ok((Obj::imm(Imm::Method, mi), s));
                    }
                }
            }
            let native = self.native_base(cls);
            if let Some(mi) = b::find_method(native, name) {
                return Ok((Obj::imm(Imm::Method, mi), self_obj));
            }
            if name == b"__init__" {
                return Ok((b::object_init_obj(), self_obj));
            }
        }
        let n = core::str::from_utf8(name).unwrap_or("?");
        Err(self.raise_parts(
            b::T_ATTRIBUTE_ERROR,
            &[&"'super' object has no attribute '", &n, &"'"],
        ))
    }

    /// IMPORT_NAME and `__import__`: find a frozen module, load it and run its top-level code
    /// once. A dotted name (`import a.b`) imports `a`, then `a.b` (bound as attribute `b` of
    /// `a`), and returns `a`, or the last module when there is a `from` list. `name` is a str;
    /// a relative import (`level` > 0) is resolved against the module whose globals are
    /// `globals`.
    pub(crate) fn import_name(
        &mut self,
        name: Obj,
        fromlist: Obj,
        level: Obj,
        globals: Obj,
    ) -> PyResult<Obj> {
        let level = level.as_small().unwrap_or(0);
        if level < 0 {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, ""));
        }
        let full = if level > 0 {
            self.resolve_relative(name, level, globals)?
        } else {
            name
        };
        self.check_name_len(full)?;
        if self.str_data(full).is_none_or(<[u8]>::is_empty) {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, ""));
        }
        self.push_root(full);
        let r = self.import_dotted(full, fromlist);
        self.pop_root();
        r
    }

    /// `__file__` of module `m`: the source name its code was compiled with (the path in the
    /// project for a frozen module, as MicroPython gives a frozen module its path).
    pub(crate) fn store_module_file(&mut self, m: Obj) -> PyResult<()> {
        let Some(file) = self.module_qstr(m, 0) else {
            return Ok(());
        };
        let g = self.heap.get_obj(m.bits(), M_GLOBALS);
        let key = Obj::qstr(crate::qstr_pool::qstr!("__file__"));
        self.dict_store(g, key, Obj::qstr(file))
    }

    /// `evaluate_relative_import` (py/builtinimport.c): the absolute name of a `level`-dots
    /// import of `leaf` (a str) from the module whose globals are `globals` (a package counts
    /// as its own first level).
    fn resolve_relative(&mut self, leaf: Obj, level: i64, globals: Obj) -> PyResult<Obj> {
        let name_key = Obj::qstr(crate::qstr_pool::qstr!("__name__"));
        let is_package = self.dict_lookup(globals, path_key())?.is_some();
        let current = self.dict_lookup(globals, name_key)?.unwrap_or(Obj::qstr(1));
        let mut buf = [0u8; MAX_NAME_LEN];
        let here = self.str_data(current).unwrap_or(b"");
        let mut end = here.len();
        let mut level = if is_package { level - 1 } else { level };
        while level > 0 && end > 0 {
            end -= 1;
            if here[end] == b'.' {
                level -= 1;
            }
        }
        if end == 0 {
            return Err(self.raise_msg_str(b::T_IMPORT_ERROR, "can't perform relative import"));
        }
        let leaf = self.str_data(leaf).unwrap_or(b"");
        let total = end + usize::from(!leaf.is_empty()) + leaf.len();
        if total > buf.len() {
            return Err(self.raise_msg_str(b::T_IMPORT_ERROR, "module name too long"));
        }
        buf[..end].copy_from_slice(&here[..end]);
        if !leaf.is_empty() {
            buf[end] = b'.';
            buf[end + 1..total].copy_from_slice(leaf);
        }
        self.new_str_bytes(&buf[..total])
    }

    /// Import a dotted absolute name: each prefix in turn; the result is the top-level
    /// module, or the leaf when there is a `fromlist`.
    fn import_dotted(&mut self, full: Obj, fromlist: Obj) -> PyResult<Obj> {
        let mut buf = [0u8; MAX_NAME_LEN];
        let text = self.str_data(full).unwrap_or(b"");
        let len = text.len().min(buf.len());
        buf[..len].copy_from_slice(&text[..len]);
        let name = &buf[..len];
        if !name.contains(&b'.') {
            return self.import_one(full);
        }
        let base = self.roots_len();
        let r = (|| {
            let mut top = Obj::NULL;
            for end in (0..=name.len()).filter(|&i| i == name.len() || name[i] == b'.') {
                let prefix = if end == name.len() {
                    full
                } else {
                    self.new_str_bytes(&name[..end])?
                };
                self.push_root(prefix);
                let m = self.import_one(prefix)?;
                self.push_root(m);
                if top.is_null() {
                    top = m;
                }
                if end == name.len() {
                    // Any from-list but None, even an empty one, asks for the leaf.
                    let from = fromlist != Obj::NONE && !fromlist.is_null();
                    return Ok(if from { m } else { top });
                }
            }
            Ok(top)
        })();
        self.truncate_roots(base);
        r
    }

    /// Whether `m` is a module with a `__path__` (a package).
    pub(crate) fn is_package_module(&mut self, m: Obj) -> PyResult<bool> {
        if !self.is_kind(m, Kind::Module) {
            return Ok(false);
        }
        let g = self.heap.get_obj(m.bits(), M_GLOBALS);
        Ok(self.dict_lookup(g, path_key())?.is_some())
    }

    /// IMPORT_FROM's fallback: `from pkg import sub` where `sub` is a submodule of `pkg`.
    pub(crate) fn import_submodule(&mut self, package: Obj, q: Qstr) -> PyResult<Obj> {
        let mut buf = [0u8; MAX_NAME_LEN];
        let pname = self.heap.get_obj(package.bits(), M_NAME);
        let mut n = 0;
        let parts = [
            self.str_data(pname).unwrap_or(b""),
            b".",
            self.qstr_bytes(q),
        ];
        let mut fits = true;
        for part in parts {
            let Some(dst) = buf.get_mut(n..n + part.len()) else {
                fits = false;
                break;
            };
            dst.copy_from_slice(part);
            n += part.len();
        }
        if !fits {
            return Err(self.raise_msg_str(b::T_IMPORT_ERROR, "module name too long"));
        }
        let full = self.new_str_bytes(&buf[..n])?;
        self.push_root(full);
        let r = self.import_one(full);
        self.pop_root();
        r
    }

    /// Import one module named `name_obj` (a str, possibly dotted; its parent package must
    /// be imported already, and gets it as an attribute).
    pub(crate) fn import_one(&mut self, name_obj: Obj) -> PyResult<Obj> {
        let mut buf = [0u8; MAX_NAME_LEN];
        let bytes = self.str_data(name_obj).unwrap_or(b"");
        let n = bytes.len().min(MAX_NAME_LEN);
        buf[..n].copy_from_slice(&bytes[..n]);
        let name = &buf[..n];
        if let Some(m) = self.dict_lookup_str(self.modules, name) {
            return Ok(m);
        }
        // Extensible built-ins (MP_REGISTER_EXTENSIBLE_MODULE: `collections`, `json`, `time`,
        // ...) give way to a module of the same name in the image (micropython-lib's
        // `collections` package, say), which reaches the built-in as `ucollections`; the other
        // built-ins come first. `usys` is `sys`.
        let extended = b::is_extensible_module(name) && self.source.find(name).is_some();
        if !extended {
            let builtin_name = b::forced_builtin_name(name);
            if let Some(m) = self.dict_lookup_str(self.builtin_modules, builtin_name) {
                return Ok(m);
            }
            if let Some(m) = b::builtin_module(self, builtin_name)? {
                return Ok(m);
            }
            if let Some(m) = self.native_module(builtin_name)? {
                return Ok(m);
            }
        }
        // A directory of modules without an `__init__.py` is a namespace package: an empty
        // module with a `__path__` (builtinimport.c's MP_IMPORT_STAT_DIR without __init__).
        let found = self.source.find(name);
        let namespace = found.is_none() && self.source.is_namespace(name);
        let m = match found {
            Some(data) => self.load_code(data, name_obj)?,
            None if namespace => {
                self.new_codeless_module(name_obj, crate::loader::M_BUILTIN_WRITABLE)?
            }
            None => {
                let n = core::str::from_utf8(name).unwrap_or("?");
                return Err(self.raise_parts(b::T_IMPORT_ERROR, &[&"no module named '", &n, &"'"]));
            }
        };
        self.push_root(m);
        let r = (|| {
            let g = self.heap.get_obj(m.bits(), M_GLOBALS);
            let name_q = crate::qstr_pool::qstr!("__name__");
            self.dict_store(g, Obj::qstr(name_q), name_obj)?;
            if namespace || self.source.is_package(name) {
                // "Any module that contains a __path__ attribute is considered a package."
                // Its value is the package's name (already in the globals as __name__).
                self.dict_store(g, path_key(), name_obj)?;
            }
            if !namespace {
                self.store_module_file(m)?;
            }
            let mods = self.modules;
            self.dict_store(mods, name_obj, m)?;
            if !namespace {
                if let Err(e) = self.run_module_code(m) {
                    let mods = self.modules;
                    let saved = self.exc;
                    let _ = self.dict_remove(mods, name_obj);
                    self.exc = saved;
                    return Err(e);
                }
            }
            if let Some(dot) = name.iter().rposition(|&c| c == b'.') {
                if let Some(parent) = self.dict_lookup_str(self.modules, &name[..dot]) {
                    if self.is_kind(parent, Kind::Module) {
                        let key = self.new_str_bytes(&name[dot + 1..])?;
                        let pg = self.heap.get_obj(parent.bits(), M_GLOBALS);
                        self.dict_store(pg, key, m)?;
                    }
                }
            }
            Ok(m)
        })();
        self.pop_root();
        r
    }

    /// A module block without code named `name_obj`, with an empty globals dict: a built-in
    /// or firmware module, or a namespace package. `raw_word` is
    /// [`crate::loader::M_BUILTIN_READ_ONLY`] or [`crate::loader::M_BUILTIN_WRITABLE`].
    pub(crate) fn new_codeless_module(&mut self, name_obj: Obj, raw_word: u32) -> PyResult<Obj> {
        let g = self.new_dict(0)?;
        self.push_root(g);
        let m = self.alloc(Kind::Module, crate::loader::MODULE_WORDS);
        self.pop_root();
        let m = m?;
        self.heap.set(m, 0, raw_word);
        self.heap.set_obj(m, M_GLOBALS, g);
        self.heap.set_obj(m, crate::loader::M_NAME, name_obj);
        Ok(Obj::heap(m))
    }

    /// `from m import *` (runtime.c's mp_import_all): the names in `m.__all__` when it has
    /// one, else the public names of its `__dict__` (any object, not only a module).
    pub(crate) fn import_star(&mut self, m: Obj, locals: Obj) -> PyResult<()> {
        let base = self.roots_len();
        self.push_root(m);
        self.push_root(locals);
        let r = self.import_star_inner(m, locals);
        self.truncate_roots(base);
        r
    }

    fn import_star_inner(&mut self, m: Obj, locals: Obj) -> PyResult<()> {
        let key = self.new_str_bytes(b"__all__")?;
        self.push_root(key);
        if let Ok(all) = self.load_attr(m, key) {
            self.push_root(all);
            let (_, _, n) = self.seq_parts_or_raise(all)?;
            for i in 0..n {
                let Some(parts) = self.seq_parts(all).filter(|p| i < p.2) else {
                    break;
                };
                let name = self.seq_get(parts, i);
                if self.str_data(name).is_none() {
                    return Err(self.bad_implicit_conversion(name));
                }
                let v = self.load_attr(m, name)?;
                self.dict_store(locals, name, v)?;
            }
            return Ok(());
        }
        let g = if self.is_kind(m, Kind::Module) {
            self.heap.get_obj(m.bits(), M_GLOBALS)
        } else {
            let key = self.new_str_bytes(b"__dict__")?;
            self.load_attr(m, key)?
        };
        self.push_root(g);
        let mut i = 0;
        while i < self.dict_alloc(g) {
            if let Some((k, v)) = self.dict_slot(g, i) {
                if self.str_data(k).is_some_and(|d| d.first() != Some(&b'_')) {
                    self.dict_store(locals, k, v)?;
                }
            }
            i += 1;
        }
        Ok(())
    }
}

/// The `__path__` key a package's globals hold (a VM-only qstr).
fn path_key() -> Obj {
    Obj::qstr(crate::qstr_pool::qstr!("__path__"))
}
