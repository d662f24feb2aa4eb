//! The iterator protocol and built-in iterators: sequences, str, bytes, range, dict views,
//! sets, enumerate, zip, map, filter, reversed (after py/runtime.c `mp_getiter`/`mp_iternext`).

use crate::builtins as b;
use crate::heap::Kind;
use crate::obj::Obj;
use crate::vm::dispatch::ExecResult;
use crate::vm::{PyResult, Vm};

/// Iterator kinds (raw word 0 of an Iter block; `VIEW` marks re-iterable dict views).
pub(crate) const IT_SEQ: u32 = 0;
pub(crate) const IT_STR: u32 = 1;
pub(crate) const IT_BYTES: u32 = 2;
pub(crate) const IT_RANGE: u32 = 3;
pub(crate) const IT_DICT_KEYS: u32 = 4;
pub(crate) const IT_DICT_VALUES: u32 = 5;
pub(crate) const IT_DICT_ITEMS: u32 = 6;
pub(crate) const IT_SET: u32 = 7;
pub(crate) const IT_ENUMERATE: u32 = 8;
pub(crate) const IT_ZIP: u32 = 9;
pub(crate) const IT_MAP: u32 = 10;
pub(crate) const IT_FILTER: u32 = 11;
pub(crate) const IT_REVERSED: u32 = 12;
pub(crate) const IT_GETITEM: u32 = 13;
/// The lines of an io.StringIO / BytesIO (`readline` until it returns nothing).
pub(crate) const IT_LINES: u32 = 14;
/// The items of an array or memoryview.
pub(crate) const IT_TYPED: u32 = 15;
pub(crate) const VIEW: u32 = 0x100;

/// An iteration in progress (see [`Vm::iter_begin`]): a container with its kind and position,
/// or an iterator object. The caller keeps `obj` rooted.
#[derive(Clone, Copy)]
pub(crate) struct Cursor {
    pub(crate) obj: Obj,
    kind: u32,
    idx: u32,
}

impl Cursor {
    /// `kind` of a cursor over an iterator object.
    const OBJECT: u32 = u32::MAX;

    /// The three stack slots a `for` loop keeps it in (MicroPython's iter_buf): the object,
    /// then position and kind as small ints (both NULL for an iterator object).
    pub(crate) fn to_slots(self) -> [Obj; 3] {
        if self.kind == Self::OBJECT {
            [self.obj, Obj::NULL, Obj::NULL]
        } else {
            [
                self.obj,
                Obj::small_sat(i64::from(self.idx)),
                Obj::small_sat(i64::from(self.kind)),
            ]
        }
    }
}

impl<'a> Vm<'a> {
    pub(crate) fn new_iter(
        &mut self,
        kind: u32,
        source: Obj,
        extra: Obj,
        index: u32,
    ) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(source);
        self.push_root(extra);
        let it = self.alloc(Kind::Iter, 4);
        self.truncate_roots(base);
        let it = it?;
        self.heap.set(it, 0, kind);
        self.heap.set(it, 1, index);
        self.heap.set_obj(it, 2, source);
        self.heap.set_obj(it, 3, extra);
        Ok(Obj::heap(it))
    }

    /// Start iterating over `o` without allocating where MicroPython uses a stack `iter_buf`:
    /// a built-in container is walked in place; anything else gets its iterator object.
    pub(crate) fn iter_begin(&mut self, o: Obj) -> PyResult<Cursor> {
        Ok(match self.container_iter_kind(o) {
            Some(kind) => Cursor {
                obj: o,
                kind,
                idx: 0,
            },
            None => Cursor {
                obj: self.get_iter(o)?,
                kind: Cursor::OBJECT,
                idx: 0,
            },
        })
    }

    /// A cursor back from its stack slots ([`Cursor::to_slots`]), checked: corrupt bytecode
    /// may have put anything there.
    pub(crate) fn cursor_from_slots(&self, [obj, idx, kind]: [Obj; 3]) -> Cursor {
        let inline = idx.as_small().and_then(|i| u32::try_from(i).ok()).zip(
            kind.as_small()
                .and_then(|k| u32::try_from(k).ok())
                .filter(|&k| self.container_iter_kind(obj) == Some(k)),
        );
        match inline {
            Some((idx, kind)) => Cursor { obj, kind, idx },
            None => Cursor {
                obj,
                kind: Cursor::OBJECT,
                idx: 0,
            },
        }
    }

    /// The next item of a [`Cursor`], or None at the end.
    pub(crate) fn iter_advance(&mut self, c: &mut Cursor) -> PyResult<Option<Obj>> {
        if c.kind == Cursor::OBJECT {
            self.iter_next(c.obj)
        } else {
            // A native loop over a container (`x in range(10**9)`) is one instruction.
            self.use_fuel()?;
            self.container_iter_next(c.kind, c.obj, &mut c.idx)
        }
    }

    /// Count one step against [`Vm::fuel`] (`RuntimeError: fuel exhausted` at 0).
    fn use_fuel(&mut self) -> PyResult<()> {
        if self.fuel == 0 {
            return Err(self.raise_msg_str(b::T_RUNTIME_ERROR, "fuel exhausted"));
        }
        self.fuel -= 1;
        Ok(())
    }

    /// The iterator kind of a built-in container (tuple, list, range, dict, set, array, str,
    /// bytes, bytearray): its iterator needs only the container and a position.
    pub(crate) fn container_iter_kind(&self, o: Obj) -> Option<u32> {
        match self.kind_of(o) {
            Some(Kind::Tuple | Kind::List) => Some(IT_SEQ),
            Some(Kind::Range) => Some(IT_RANGE),
            Some(Kind::Dict) => Some(IT_DICT_KEYS),
            Some(Kind::Set) => Some(IT_SET),
            Some(Kind::TypedArray) if cfg!(feature = "array") => Some(IT_TYPED),
            _ if self.str_data(o).is_some() => Some(IT_STR),
            _ if self.bytes_data(o).is_some() => Some(IT_BYTES),
            _ => None,
        }
    }

    /// `iter(o)`.
    pub(crate) fn get_iter(&mut self, o: Obj) -> PyResult<Obj> {
        match self.kind_of(o) {
            Some(Kind::Generator) => return Ok(o),
            Some(Kind::Iter) => {
                let k = self.heap.get(o.bits(), 0);
                if k & VIEW != 0 {
                    let src = self.heap.get_obj(o.bits(), 2);
                    return self.new_iter(k & 0xff, src, Obj::NULL, 0);
                }
                return Ok(o);
            }
            Some(Kind::Instance) => {
                #[cfg(feature = "tstrings")]
                if self.is_template(o) {
                    return self.template_iter(o);
                }
                #[cfg(feature = "select")]
                if self.is_poll(o) {
                    return Ok(o);
                }
                if let Some(r) = self.call_special(o, "__iter__", &[])? {
                    return Ok(r);
                }
                if self.lookup_special(o, "__getitem__").is_some() {
                    return self.new_iter(IT_GETITEM, o, Obj::NULL, 0);
                }
                // mp_getiter's last resort loads `__getitem__` as an attribute, through the
                // class's `__getattr__` too, and calls whatever that gives.
                if self.lookup_special(o, "__getattr__").is_some() {
                    let name = Obj::qstr(crate::qstr_pool::qstr!("__getitem__"));
                    let getitem = self.load_attr(o, name)?;
                    return self.new_iter(IT_GETITEM, o, getitem, 0);
                }
                if self.is_io_stream(o) || cfg!(feature = "input") && self.stdio_fd(o).is_some() {
                    return self.new_iter(IT_LINES, o, Obj::NULL, 0);
                }
                if let Some(n) = self.container_of(o) {
                    return self.get_iter(n);
                }
            }
            _ => {}
        }
        if let Some(kind) = self.container_iter_kind(o) {
            return self.new_iter(kind, o, Obj::NULL, 0);
        }
        let t = self.type_name(o);
        Err(self.raise_parts(b::T_TYPE_ERROR, &[&"'", &t, &"' object isn't iterable"]))
    }

    /// The next line of a stream (None at the end).
    fn next_line(&mut self, stream: Obj) -> PyResult<Option<Obj>> {
        let line = self.call_method_by_name(stream, b"readline", &[])?;
        let empty = self.str_or_bytes(line).is_none_or(|(d, _)| d.is_empty());
        Ok(if empty { None } else { Some(line) })
    }

    /// Item `idx` of tuple, list or range `src`, or None past its end: the step of their
    /// iterators, which keep only `src` and `idx` (in a heap iterator, or in a `for` loop's
    /// stack slots).
    pub(crate) fn indexed_next(&mut self, src: Obj, idx: u32) -> PyResult<Option<Obj>> {
        if self.kind_of(src) == Some(Kind::Range) {
            if idx >= self.range_len(src) {
                return Ok(None);
            }
            let (start, _, step) = self.range_parts(src);
            return self
                .new_int_wide(i128::from(start) + i128::from(idx) * i128::from(step))
                .map(Some);
        }
        match self.seq_parts(src) {
            Some(p) if idx < p.2 => Ok(Some(self.seq_get(p, idx))),
            _ => Ok(None),
        }
    }

    /// `next(it)`: Some(value), or None when exhausted (the return value goes to `ret_value`).
    pub(crate) fn iter_next(&mut self, it: Obj) -> PyResult<Option<Obj>> {
        match self.kind_of(it) {
            Some(Kind::Generator) => {
                self.ret_value = Obj::NULL;
                return match self.gen_resume(it, Obj::NONE, Obj::NULL)? {
                    ExecResult::Yield(v) => Ok(Some(v)),
                    ExecResult::Return(v) => {
                        self.ret_value = v;
                        Ok(None)
                    }
                };
            }
            Some(Kind::Iter) => return self.builtin_iter_next(it),
            #[cfg(feature = "select")]
            Some(Kind::Instance) if self.is_poll(it) => return self.poll_iter_next(it),
            Some(Kind::Instance) => match self.call_special(it, "__next__", &[]) {
                Ok(Some(v)) => return Ok(Some(v)),
                // A StringIO / BytesIO is its own iterator, over its lines.
                Ok(None) if self.is_io_stream(it) => return self.next_line(it),
                Ok(None) => {}
                Err(e) => {
                    if self.is_instance_of(self.exc, b::T_STOP_ITERATION) {
                        let args = self.heap.get_obj(self.exc.bits(), 2);
                        self.ret_value = if self.tuple_len(args) > 0 {
                            self.heap.get_obj(args.bits(), 1)
                        } else {
                            Obj::NONE
                        };
                        return Ok(None);
                    }
                    return Err(e);
                }
            },
            _ => {}
        }
        let t = self.type_name(it);
        Err(self.raise_parts(b::T_TYPE_ERROR, &[&"'", &t, &"' object isn't an iterator"]))
    }

    /// One step of the iterators that keep only their container `src` and a position `idx`
    /// (`kind` one of `IT_SEQ`, `IT_RANGE`, `IT_STR`, `IT_BYTES`, `IT_TYPED`, `IT_DICT_*`,
    /// `IT_SET`): the next item, or None at the end; `idx` moves past it. Heap iterators
    /// and the iterators a `for` loop keeps in its stack slots share it.
    pub(crate) fn container_iter_next(
        &mut self,
        kind: u32,
        src: Obj,
        idx: &mut u32,
    ) -> PyResult<Option<Obj>> {
        match kind {
            IT_SEQ | IT_RANGE => {
                let v = self.indexed_next(src, *idx)?;
                if v.is_some() {
                    *idx += 1;
                }
                Ok(v)
            }
            IT_STR => {
                let (start, end) = {
                    let d = self.str_data(src).unwrap_or(&[]);
                    let start = *idx as usize;
                    if start >= d.len() {
                        return Ok(None);
                    }
                    let mut end = start + 1;
                    while end < d.len() && d[end] & 0xc0 == 0x80 {
                        end += 1;
                    }
                    (start, end)
                };
                #[allow(clippy::cast_possible_truncation)]
                {
                    *idx = end as u32;
                }
                self.substr(src, start, end).map(Some)
            }
            IT_BYTES => {
                let d = self.bytes_data(src).unwrap_or(&[]);
                match d.get(*idx as usize) {
                    Some(&c) => {
                        *idx += 1;
                        Ok(Some(Obj::small_sat(i64::from(c))))
                    }
                    None => Ok(None),
                }
            }
            IT_TYPED if cfg!(feature = "array") => {
                if *idx >= self.heap.get(src.bits(), 0) {
                    return Ok(None);
                }
                let i = *idx;
                *idx += 1;
                self.typed_get(src, i).map(Some)
            }
            IT_DICT_KEYS | IT_DICT_VALUES | IT_DICT_ITEMS => {
                let mut i = *idx;
                while i < self.dict_alloc(src) {
                    if let Some((k, v)) = self.dict_slot(src, i) {
                        *idx = i + 1;
                        return match kind {
                            IT_DICT_KEYS => Ok(Some(k)),
                            IT_DICT_VALUES => Ok(Some(v)),
                            _ => self.new_tuple_from(&[k, v]).map(Some),
                        };
                    }
                    i += 1;
                }
                *idx = i;
                Ok(None)
            }
            IT_SET => {
                let mut i = *idx;
                while i < self.set_alloc(src) {
                    if let Some(k) = self.set_slot(src, i) {
                        *idx = i + 1;
                        return Ok(Some(k));
                    }
                    i += 1;
                }
                *idx = i;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    #[allow(clippy::too_many_lines)]
    fn builtin_iter_next(&mut self, it: Obj) -> PyResult<Option<Obj>> {
        self.use_fuel()?;
        let o = it.bits();
        let kind = self.heap.get(o, 0) & 0xff;
        let idx = self.heap.get(o, 1);
        let src = self.heap.get_obj(o, 2);
        let extra = self.heap.get_obj(o, 3);
        if kind <= IT_SET || kind == IT_TYPED {
            let mut i = idx;
            self.push_root(it);
            let r = self.container_iter_next(kind, src, &mut i);
            self.pop_root();
            self.heap.set(o, 1, i);
            return r;
        }
        // The other iterators step what they wrap (map over enumerate over zip ...): a
        // native recursion level each, bounded as MicroPython's stack check bounds them.
        self.enter_native()?;
        let r = self.wrapping_iter_next(it, kind, idx, src, extra);
        self.leave_native();
        r
    }

    /// One step of an iterator that is not over a container's items
    /// ([`builtin_iter_next`](Self::builtin_iter_next) with its header words).
    #[allow(clippy::too_many_lines)]
    fn wrapping_iter_next(
        &mut self,
        it: Obj,
        kind: u32,
        idx: u32,
        src: Obj,
        extra: Obj,
    ) -> PyResult<Option<Obj>> {
        let o = it.bits();
        match kind {
            IT_ENUMERATE => {
                self.push_root(it);
                let r = self.iter_next(src);
                self.pop_root();
                match r? {
                    Some(v) => {
                        self.push_root(v);
                        let n = extra.as_small().unwrap_or(0);
                        let t = self.new_tuple_from(&[Obj::small_sat(n), v]);
                        self.pop_root();
                        self.heap.set_obj(o, 3, Obj::small_sat(n + 1));
                        t.map(Some)
                    }
                    None => Ok(None),
                }
            }
            IT_ZIP => {
                let n = self.tuple_len(src);
                if n == 0 {
                    return Ok(None);
                }
                let base = self.roots_len();
                self.push_root(it);
                let t = self.new_tuple(n)?;
                self.push_root(t);
                for i in 0..n {
                    let sub = self.heap.get_obj(src.bits(), i + 1);
                    match self.iter_next(sub) {
                        Ok(Some(v)) => self.heap.set_obj(t.bits(), i + 1, v),
                        Ok(None) => {
                            self.truncate_roots(base);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.truncate_roots(base);
                            return Err(e);
                        }
                    }
                }
                self.truncate_roots(base);
                Ok(Some(t))
            }
            IT_MAP => {
                // src: tuple of iterators; extra: function
                let n = self.tuple_len(src);
                let base = self.roots_len();
                self.push_root(it);
                let t = self.new_tuple(n)?;
                self.push_root(t);
                for i in 0..n {
                    let sub = self.heap.get_obj(src.bits(), i + 1);
                    match self.iter_next(sub) {
                        Ok(Some(v)) => self.heap.set_obj(t.bits(), i + 1, v),
                        Ok(None) => {
                            self.truncate_roots(base);
                            return Ok(None);
                        }
                        Err(e) => {
                            self.truncate_roots(base);
                            return Err(e);
                        }
                    }
                }
                let a = crate::vm::call::Args {
                    src: t,
                    start: 1,
                    n_pos: n,
                    n_kw: 0,
                };
                let r = self.call(extra, &a);
                self.truncate_roots(base);
                r.map(Some)
            }
            IT_FILTER => {
                let base = self.roots_len();
                self.push_root(it);
                let r = (|| loop {
                    let Some(v) = self.iter_next(src)? else {
                        return Ok(None);
                    };
                    self.push_root(v);
                    let keep = if extra == Obj::NONE {
                        self.is_true(v)?
                    } else {
                        let r = self.call_obj(extra, &[v])?;
                        self.is_true(r)?
                    };
                    self.pop_root();
                    if keep {
                        return Ok(Some(v));
                    }
                })();
                self.truncate_roots(base);
                r
            }
            IT_REVERSED => {
                if idx == 0 {
                    return Ok(None);
                }
                self.heap.set(o, 1, idx - 1);
                let i = Obj::small_sat(i64::from(idx - 1));
                self.subscr_load(src, i).map(Some)
            }
            IT_GETITEM => {
                let i = Obj::small_sat(i64::from(idx));
                self.heap.set(o, 1, idx + 1);
                let getitem = self.heap.get_obj(o, 3);
                let item = if getitem.is_null() {
                    self.subscr_load(src, i)
                } else {
                    self.call_obj(getitem, &[i])
                };
                match item {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if self.is_instance_of(self.exc, b::T_INDEX_ERROR)
                            || self.is_instance_of(self.exc, b::T_STOP_ITERATION)
                        {
                            // The end of the sequence: a StopIteration's value is dropped.
                            self.ret_value = Obj::NULL;
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
            IT_LINES => self.next_line(src),
            _ => Ok(None),
        }
    }
}
