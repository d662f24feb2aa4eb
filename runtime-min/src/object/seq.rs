//! Sequences: list, tuple, range, slices, subscription and unpacking
//! (after py/objlist.c, py/objtuple.c, py/sequence.c).

use crate::builtins as b;
use crate::heap::Kind;
use crate::obj::Obj;
use crate::vm::{PyResult, Vm};

/// Resolved slice bounds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SliceBounds {
    pub start: i64,
    /// The clamped stop index (what `range` slicing keeps).
    pub stop: i64,
    pub step: i64,
    pub len: u32,
}

impl SliceBounds {
    pub fn index(&self, i: u32) -> i64 {
        self.start + i64::from(i) * self.step
    }
}

impl<'a> Vm<'a> {
    /// A new list with room for `cap` items and length `len` (items NULL).
    pub(crate) fn new_list(&mut self, len: u32, cap: u32) -> PyResult<Obj> {
        let store = self.alloc(crate::heap::Kind::Array, cap.max(len).max(1))?;
        self.push_root(Obj::heap(store));
        let l = self.alloc(Kind::List, 2);
        self.pop_root();
        let l = l?;
        self.heap.set(l, 0, len);
        self.heap.set_obj(l, 1, Obj::heap(store));
        Ok(Obj::heap(l))
    }

    pub(crate) fn list_cap(&self, l: Obj) -> u32 {
        let store = self.heap.get_obj(l.bits(), 1);
        self.heap.block_words(store.bits()).saturating_sub(1)
    }

    pub(crate) fn list_append(&mut self, l: Obj, item: Obj) -> PyResult<()> {
        let len = self.heap.get(l.bits(), 0);
        if len >= self.list_cap(l) {
            self.list_grow(l, item, len + len / 2 + 4)?;
        }
        let store = self.heap.get_obj(l.bits(), 1);
        self.heap.set_obj(store.bits(), len, item);
        self.heap.set(l.bits(), 0, len + 1);
        Ok(())
    }

    /// Grow `l`'s storage to `cap` (keeping `keep` alive during the allocation).
    pub(crate) fn list_grow(&mut self, l: Obj, keep: Obj, cap: u32) -> PyResult<()> {
        self.push_root(l);
        self.push_root(keep);
        let new = self.alloc(Kind::Array, cap.max(1));
        self.pop_root();
        self.pop_root();
        let new = new?;
        let len = self.heap.get(l.bits(), 0);
        let old = self.heap.get_obj(l.bits(), 1);
        let n = len.min(cap) as usize * 4;
        self.heap.copy_within(
            crate::heap::Heap::payload_pos(old.bits(), 0),
            crate::heap::Heap::payload_pos(new, 0),
            n,
        );
        self.heap.set_obj(l.bits(), 1, Obj::heap(new));
        Ok(())
    }

    pub(crate) fn list_set(&mut self, l: Obj, i: u32, v: Obj) {
        let store = self.heap.get_obj(l.bits(), 1);
        self.heap.set_obj(store.bits(), i, v);
    }

    /// `l.extend(iterable)`.
    pub(crate) fn list_extend(&mut self, l: Obj, src: Obj) -> PyResult<()> {
        if let Some(p) = self.seq_parts(src) {
            let n = p.2;
            let len = self.heap.get(l.bits(), 0);
            if len + n > self.list_cap(l) {
                self.list_grow(l, src, len + n)?;
            }
            for i in 0..n {
                let p = self.seq_parts(src).unwrap_or((0, 0, 0));
                let it = self.seq_get(p, i);
                self.list_append(l, it)?;
            }
            return Ok(());
        }
        let base = self.roots_len();
        self.push_root(l);
        let mut it = match self.iter_begin(src) {
            Ok(it) => it,
            Err(e) => {
                self.truncate_roots(base);
                return Err(e);
            }
        };
        self.push_root(it.obj);
        let r = (|| {
            while let Some(x) = self.iter_advance(&mut it)? {
                self.list_append(l, x)?;
            }
            Ok(())
        })();
        self.truncate_roots(base);
        r
    }

    /// A list of the items of any iterable.
    pub(crate) fn list_from_iter(&mut self, src: Obj) -> PyResult<Obj> {
        let n = self.seq_parts(src).map_or(0, |p| p.2);
        let base = self.roots_len();
        self.push_root(src);
        let r = self.new_list(0, n).and_then(|l| {
            self.push_root(l);
            self.list_extend(l, src).map(|()| l)
        });
        self.truncate_roots(base);
        r
    }

    /// A tuple of the items of any iterable.
    pub(crate) fn tuple_from_iter(&mut self, src: Obj) -> PyResult<Obj> {
        if self.is_kind(src, Kind::Tuple) {
            return Ok(src);
        }
        let l = self.list_from_iter(src)?;
        self.push_root(l);
        let n = self.heap.get(l.bits(), 0);
        let t = self.new_tuple(n);
        self.pop_root();
        let t = t?;
        let store = self.heap.get_obj(l.bits(), 1);
        for i in 0..n {
            let v = self.heap.get_obj(store.bits(), i);
            self.heap.set_obj(t.bits(), i + 1, v);
        }
        Ok(t)
    }

    pub(crate) fn concat_seq(&mut self, a: Obj, bo: Obj) -> PyResult<Obj> {
        let (Some(pa), Some(pb)) = (self.seq_parts(a), self.seq_parts(bo)) else {
            return Err(self.binary_unsupported(mpy_format::opcode::BinaryOp::ADD, a, bo));
        };
        let n = pa.2 + pb.2;
        let is_list = self.is_kind(a, Kind::List);
        let r = if is_list {
            self.new_list(n, n)?
        } else {
            self.new_tuple(n)?
        };
        let (pa, pb) = (
            self.seq_parts(a).unwrap_or(pa),
            self.seq_parts(bo).unwrap_or(pb),
        );
        let (dst, off) = if is_list {
            (self.heap.get_obj(r.bits(), 1).bits(), 0)
        } else {
            (r.bits(), 1)
        };
        for i in 0..pa.2 {
            let v = self.seq_get(pa, i);
            self.heap.set_obj(dst, off + i, v);
        }
        for i in 0..pb.2 {
            let v = self.seq_get(pb, i);
            self.heap.set_obj(dst, off + pa.2 + i, v);
        }
        Ok(r)
    }

    /// `seq * n` for str, bytes, tuple, list.
    pub(crate) fn repeat(&mut self, a: Obj, n: i64) -> PyResult<Obj> {
        let n = u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        // The reference's request in 32-bit size_t arithmetic: a str or bytes of len * n
        // bytes (plus the vstr's terminator), a list's or tuple's len * n item words (the
        // tuple's header included).
        let items = |len: u32| len.wrapping_mul(n);
        if let Some((data, is_str)) = self.str_or_bytes(a) {
            let len = data.len();
            #[allow(clippy::cast_possible_truncation)]
            if len > 0 && n > 0 {
                self.check_request(items(len as u32).wrapping_add(1))?;
            }
            let total = len.checked_mul(n as usize).filter(|t| *t < (1 << 24));
            let Some(total) = total else {
                return Err(self.raise_obj_memory());
            };
            let kind = if is_str { Kind::Str } else { Kind::Bytes };
            let o = self.new_str_uninit(kind, total)?;
            let src = self.str_or_bytes(a).map(|p| p.0);
            let mut buf = [0u8; 64];
            // Copy through a small buffer to avoid aliasing the heap.
            let src_len = src.map_or(0, <[u8]>::len);
            let mut pos = 0usize;
            while pos < src_len {
                let chunk = (src_len - pos).min(64);
                if let Some(s) = self.str_or_bytes(a) {
                    buf[..chunk]
                        .copy_from_slice(s.0.get(pos..pos + chunk).unwrap_or(&[0; 64][..chunk]));
                }
                #[allow(clippy::cast_possible_truncation)]
                for k in 0..n as usize {
                    let dst = self.heap.bytes_mut(o, 1, total as u32);
                    if let Some(d) = dst.get_mut(k * src_len + pos..k * src_len + pos + chunk) {
                        d.copy_from_slice(&buf[..chunk]);
                    }
                }
                pos += chunk;
            }
            return Ok(Obj::heap(o));
        }
        let Some(p) = self.seq_parts(a) else {
            return Ok(Obj::NONE);
        };
        let is_list = self.is_kind(a, Kind::List);
        if p.2 > 0 && n > 0 {
            let header = if is_list { 0 } else { 8 };
            self.check_request(items(p.2).wrapping_mul(4).wrapping_add(header))?;
        }
        let total = p.2.checked_mul(n).filter(|t| *t < (1 << 22));
        let Some(total) = total else {
            return Err(self.raise_obj_memory());
        };
        let r = if is_list {
            self.new_list(total, total)?
        } else {
            self.new_tuple(total)?
        };
        let p = self.seq_parts(a).unwrap_or(p);
        let (dst, off) = if is_list {
            (self.heap.get_obj(r.bits(), 1).bits(), 0)
        } else {
            (r.bits(), 1)
        };
        for i in 0..total {
            let v = self.seq_get(p, i % p.2.max(1));
            self.heap.set_obj(dst, off + i, v);
        }
        Ok(r)
    }

    pub(crate) fn step_not_supported(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(
            b::T_NOT_IMPLEMENTED_ERROR,
            "only slices with step=1 (aka None) are supported",
        )
    }

    pub(crate) fn raise_obj_memory(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_MEMORY_ERROR, "memory allocation failed")
    }

    /// Check a request for `bytes` (a 32-bit `size_t`, as the reference computes it) that
    /// no heap of this size can satisfy: the `MemoryError` of py/gc.c's `m_malloc_fail`.
    pub(crate) fn check_request(&mut self, bytes: u32) -> PyResult<()> {
        if bytes < self.heap.capacity() {
            return Ok(());
        }
        Err(self.raise_parts(
            b::T_MEMORY_ERROR,
            &[&"memory allocation failed, allocating ", &bytes, &" bytes"],
        ))
    }

    /// Normalise index `i` for a sequence of `len`; IndexError with `what` if out of range.
    pub(crate) fn norm_index(&mut self, i: Obj, len: u32, what: &str) -> PyResult<u32> {
        let v = match self.int_to_i64(i) {
            // mp_get_index's mp_obj_get_int_maybe: a big int must fit mp_int_t.
            Some(_) if self.is_kind(i, Kind::BigInt) => Some(self.get_int(i)?),
            None if self.is_kind(i, Kind::Instance) => match self.instance_int(i)? {
                Some(v) => Some(self.get_int(v)?),
                None => None,
            },
            v => v,
        };
        let Some(v) = v else {
            if self.is_kind(i, Kind::BigInt) {
                // mp_get_index's mp_obj_get_int on a too-big int.
                return Err(self
                    .get_int(i)
                    .err()
                    .unwrap_or_else(|| self.raise_obj_memory()));
            }
            let t = self.type_name(i);
            return Err(self.raise_parts(
                b::T_TYPE_ERROR,
                &[&what, &" indices must be integers, not ", &t],
            ));
        };
        let l = i64::from(len);
        let idx = if v < 0 { v + l } else { v };
        if idx < 0 || idx >= l {
            return Err(self.raise_parts(b::T_INDEX_ERROR, &[&what, &" index out of range"]));
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(idx as u32)
    }

    /// Resolve slice `s` against a sequence of `len`.
    pub(crate) fn slice_bounds(&mut self, s: Obj, len: u32) -> PyResult<SliceBounds> {
        let get = |vm: &mut Vm<'a>, i: u32| -> PyResult<Option<i64>> {
            let v = vm.heap.get_obj(s.bits(), i);
            if v == Obj::NONE || v.is_null() {
                Ok(None)
            } else {
                vm.get_int(v).map(Some)
            }
        };
        let step = get(self, 2)?.unwrap_or(1);
        if step == 0 {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "slice step can't be zero"));
        }
        let l = i64::from(len);
        let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
        let (start, stop) = if step > 0 {
            let start = get(self, 0)?.map_or(0, |v| clamp(if v < 0 { v + l } else { v }, 0, l));
            let stop = get(self, 1)?.map_or(l, |v| clamp(if v < 0 { v + l } else { v }, 0, l));
            (start, stop)
        } else {
            let start =
                get(self, 0)?.map_or(l - 1, |v| clamp(if v < 0 { v + l } else { v }, -1, l - 1));
            let stop =
                get(self, 1)?.map_or(-1, |v| clamp(if v < 0 { v + l } else { v }, -1, l - 1));
            (start, stop)
        };
        let n = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        Ok(SliceBounds {
            start,
            stop,
            step,
            len: u32::try_from(n).unwrap_or(0),
        })
    }

    /// `o[index]`.
    pub(crate) fn subscr_load(&mut self, o: Obj, index: Obj) -> PyResult<Obj> {
        let is_slice = self.is_kind(index, Kind::Slice);
        match self.kind_of(o) {
            Some(Kind::List | Kind::Tuple) => {
                let p = self.seq_parts(o).unwrap_or((0, 0, 0));
                let what = if self.is_kind(o, Kind::List) {
                    "list"
                } else {
                    "tuple"
                };
                if is_slice {
                    let sb = self.slice_bounds(index, p.2)?;
                    let is_list = what == "list";
                    if !is_list && sb.step != 1 {
                        return Err(self.step_not_supported());
                    }
                    let r = if is_list {
                        self.new_list(sb.len, sb.len)?
                    } else {
                        self.new_tuple(sb.len)?
                    };
                    let p = self.seq_parts(o).unwrap_or(p);
                    let (dst, off) = if is_list {
                        (self.heap.get_obj(r.bits(), 1).bits(), 0)
                    } else {
                        (r.bits(), 1)
                    };
                    for i in 0..sb.len {
                        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                        let v = self.seq_get(p, sb.index(i) as u32);
                        self.heap.set_obj(dst, off + i, v);
                    }
                    return Ok(r);
                }
                let i = self.norm_index(index, p.2, what)?;
                return Ok(self.seq_get(p, i));
            }
            Some(Kind::Dict) => return self.dict_getitem(o, index),
            Some(Kind::Range) => {
                let n = self.range_len(o);
                let (start, _, step) = self.range_parts(o);
                if is_slice {
                    // objrange.c's range_subscr, in mp_int_t (32-bit, wrapping) arithmetic.
                    let sb = self.slice_bounds(index, n)?;
                    #[allow(clippy::cast_possible_truncation)]
                    let [start, step, sb_start, sb_stop, sb_step] =
                        [start, step, sb.start, sb.stop, sb.step].map(|v| v as i32);
                    let a = start.wrapping_add(sb_start.wrapping_mul(step));
                    let e = start.wrapping_add(sb_stop.wrapping_mul(step));
                    let st = sb_step.wrapping_mul(step);
                    return self.alloc_range(a.into(), e.into(), st.into());
                }
                let i = self.norm_index(index, n, "range")?;
                return self.new_int_wide(i128::from(start) + i128::from(i) * i128::from(step));
            }
            Some(Kind::Instance) => {
                if let Some(r) = self.call_special(o, "__getitem__", &[index])? {
                    return Ok(r);
                }
                if let Some(n) = self.container_of(o) {
                    if !self.deque_rejects(o, index, false) {
                        self.deque_index_check(o, n, index)?;
                        return self.subscr_load(n, index);
                    }
                }
            }
            _ => {}
        }
        if self.str_data(o).is_some() {
            return self.str_subscr(o, index);
        }
        if self.typed_info(o).is_some() {
            return self.typed_subscr(o, index);
        }
        if let Some(d) = self.bytes_data(o) {
            let len = u32::try_from(d.len()).unwrap_or(0);
            if is_slice {
                let sb = self.slice_bounds(index, len)?;
                if sb.step != 1 {
                    return Err(self.step_not_supported());
                }
                let is_ba = self.is_kind(o, Kind::ByteArray);
                let r = self.new_str_uninit(Kind::Bytes, sb.len as usize)?;
                for i in 0..sb.len {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let byte = self
                        .bytes_data(o)
                        .and_then(|d| d.get(sb.index(i) as usize).copied())
                        .unwrap_or(0);
                    if let Some(x) = self.heap.bytes_mut(r, 1, sb.len).get_mut(i as usize) {
                        *x = byte;
                    }
                }
                if is_ba {
                    return self.bytearray_from(Obj::heap(r));
                }
                return Ok(Obj::heap(r));
            }
            let what = if self.is_kind(o, Kind::ByteArray) {
                "bytearray"
            } else {
                "bytes"
            };
            let i = self.norm_index(index, len, what)?;
            let byte = self
                .bytes_data(o)
                .and_then(|d| d.get(i as usize).copied())
                .unwrap_or(0);
            return Ok(Obj::small_sat(i64::from(byte)));
        }
        if o.imm_of(crate::obj::Imm::Type).is_some() || self.is_kind(o, Kind::Class) {
            // Generic alias like list[int]: return the type itself.
            return Ok(o);
        }
        let t = self.type_name(o);
        Err(self.raise_parts(
            b::T_TYPE_ERROR,
            &[&"'", &t, &"' object isn't subscriptable"],
        ))
    }

    /// `o[index] = value`, or `del o[index]` when `value` is NULL.
    #[inline(never)]
    pub(crate) fn subscr_store(&mut self, o: Obj, index: Obj, value: Obj) -> PyResult<()> {
        match self.kind_of(o) {
            Some(Kind::List) => {
                let len = self.heap.get(o.bits(), 0);
                if self.is_kind(index, Kind::Slice) {
                    return self.list_store_slice(o, index, value);
                }
                if value.is_null() && len == 0 {
                    // objlist.c deletes an item with list.pop, which checks for empty first.
                    return Err(self.raise_msg_str(b::T_INDEX_ERROR, "pop from empty list"));
                }
                let i = self.norm_index(index, len, "list")?;
                if value.is_null() {
                    self.list_remove_at(o, i);
                } else {
                    self.list_set(o, i, value);
                }
                return Ok(());
            }
            Some(Kind::Dict) => {
                if value.is_null() {
                    if self.dict_remove(o, index)?.is_none() {
                        return Err(self.raise_key_error(index));
                    }
                    return Ok(());
                }
                return self.dict_store(o, index, value);
            }
            Some(Kind::TypedArray) if cfg!(feature = "array") => {
                return self.typed_store(o, index, value)
            }
            Some(Kind::ByteArray) => {
                let len = self.heap.get(o.bits(), 0);
                if value.is_null() {
                    return Err(self.raise_msg_str(
                        b::T_TYPE_ERROR,
                        "'bytearray' object doesn't support item deletion",
                    ));
                }
                if self.is_kind(index, Kind::Slice) {
                    return self.bytearray_store_slice(o, index, value);
                }
                let i = self.norm_index(index, len, "bytearray")?;
                // The low 8 bits, as MicroPython's arrays of 'B' store them.
                let v = self.get_int(value)? & 0xff;
                let store = self.heap.get_obj(o.bits(), 1);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                if let Some(x) = self
                    .heap
                    .bytes_mut(store.bits(), 1, len)
                    .get_mut(i as usize)
                {
                    *x = v as u8;
                }
                return Ok(());
            }
            Some(Kind::Instance) => {
                let r = if value.is_null() {
                    self.call_special(o, "__delitem__", &[index])?
                } else {
                    self.call_special(o, "__setitem__", &[index, value])?
                };
                if r.is_some() {
                    return Ok(());
                }
                if let Some(n) = self.container_of(o) {
                    if !self.deque_rejects(o, index, value.is_null()) {
                        self.deque_index_check(o, n, index)?;
                        return self.subscr_store(n, index, value);
                    }
                }
            }
            _ => {}
        }
        let t = self.type_name(o);
        if value.is_null() {
            Err(self.raise_parts(
                b::T_TYPE_ERROR,
                &[&"'", &t, &"' object doesn't support item deletion"],
            ))
        } else {
            Err(self.raise_parts(
                b::T_TYPE_ERROR,
                &[&"'", &t, &"' object doesn't support item assignment"],
            ))
        }
    }

    /// A deque's index errors name the deque (its items are list `items` underneath).
    fn deque_index_check(&mut self, o: Obj, items: Obj, index: Obj) -> PyResult<()> {
        let cls = self.heap.get_obj(o.bits(), 0);
        if self.native_base(cls) == b::T_DEQUE && self.is_kind(items, Kind::List) {
            let len = self.heap.get(items.bits(), 0);
            self.norm_index(index, len, "deque")?;
        }
        Ok(())
    }

    /// A deque (a list underneath) supports neither slices nor item deletion.
    fn deque_rejects(&self, o: Obj, index: Obj, deleting: bool) -> bool {
        let cls = self.heap.get_obj(o.bits(), 0);
        self.native_base(cls) == b::T_DEQUE && (deleting || self.is_kind(index, Kind::Slice))
    }

    /// `ba[a:b] = bytes` (step 1), or deletion when `value` is NULL.
    fn bytearray_store_slice(&mut self, ba: Obj, s: Obj, value: Obj) -> PyResult<()> {
        let len = self.heap.get(ba.bits(), 0);
        let sb = self.slice_bounds(s, len)?;
        if sb.step != 1 {
            return Err(self.raise_msg_str(b::T_NOT_IMPLEMENTED_ERROR, ""));
        }
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let start = sb.start.clamp(0, i64::from(len)) as usize;
        let stop = start + sb.len as usize;
        if self.typed_info(value).is_some() {
            let v = self.typed_to_bytes(value)?;
            self.push_root(v);
            let r = self.bytearray_store_slice(ba, s, v);
            self.pop_root();
            return r;
        }
        let ins_len = if value.is_null() {
            0
        } else {
            match self.bytes_data(value) {
                Some(d) => d.len(),
                None => {
                    return Err(self.raise_msg_str(
                        b::T_NOT_IMPLEMENTED_ERROR,
                        "array/bytes required on right side",
                    ))
                }
            }
        };
        if ins_len == stop - start && !value.is_null() {
            // Same length: overwrite in place (no allocation, as objarray.c).
            let store = self.heap.get_obj(ba.bits(), 1).bits();
            return self.copy_str_bytes(value, store, start);
        }
        let n = start + ins_len + (len as usize - stop);
        let base = self.roots_len();
        self.push_root(ba);
        self.push_root(value);
        let store = self.new_str_uninit(Kind::Bytes, n);
        self.truncate_roots(base);
        let store = store?;
        let old = self.heap.get_obj(ba.bits(), 1).bits();
        self.heap.copy_within(
            crate::heap::Heap::payload_pos(old, 1),
            crate::heap::Heap::payload_pos(store, 1),
            start,
        );
        if !value.is_null() {
            self.copy_str_bytes(value, store, start)?;
        }
        self.heap.copy_within(
            crate::heap::Heap::payload_pos(old, 1) + stop,
            crate::heap::Heap::payload_pos(store, 1) + start + ins_len,
            len as usize - stop,
        );
        self.heap.set_obj(ba.bits(), 1, Obj::heap(store));
        #[allow(clippy::cast_possible_truncation)]
        self.heap.set(ba.bits(), 0, n as u32);
        Ok(())
    }

    pub(crate) fn list_remove_at(&mut self, l: Obj, i: u32) {
        let len = self.heap.get(l.bits(), 0);
        let store = self.heap.get_obj(l.bits(), 1).bits();
        for k in i..len.saturating_sub(1) {
            let v = self.heap.get_obj(store, k + 1);
            self.heap.set_obj(store, k, v);
        }
        if len > 0 {
            self.heap.set_obj(store, len - 1, Obj::NULL);
            self.heap.set(l.bits(), 0, len - 1);
        }
    }

    pub(crate) fn list_insert(&mut self, l: Obj, i: u32, v: Obj) -> PyResult<()> {
        self.list_append(l, v)?;
        let len = self.heap.get(l.bits(), 0);
        let store = self.heap.get_obj(l.bits(), 1).bits();
        let mut k = len - 1;
        while k > i {
            let prev = self.heap.get_obj(store, k - 1);
            self.heap.set_obj(store, k, prev);
            k -= 1;
        }
        self.heap.set_obj(store, i.min(len - 1), v);
        Ok(())
    }

    fn list_store_slice(&mut self, l: Obj, s: Obj, value: Obj) -> PyResult<()> {
        let len = self.heap.get(l.bits(), 0);
        let sb = self.slice_bounds(s, len)?;
        if sb.step != 1 {
            // MicroPython supports only step-1 slice assignment and deletion on lists.
            return Err(self.raise_msg_str(b::T_NOT_IMPLEMENTED_ERROR, ""));
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let start = sb.start.clamp(0, i64::from(len)) as u32;
        let stop = start + sb.len;
        let base = self.roots_len();
        self.push_root(l);
        let src = if value.is_null() {
            self.new_list(0, 0)?
        } else {
            self.list_from_iter(value)?
        };
        self.push_root(src);
        let n = self.heap.get(src.bits(), 0);
        let new_len = len - sb.len + n;
        if new_len > self.list_cap(l) {
            self.list_grow(l, src, new_len)?;
        }
        self.truncate_roots(base);
        let store = self.heap.get_obj(l.bits(), 1).bits();
        // Move the tail.
        let tail = len - stop;
        if n > sb.len {
            let mut k = tail;
            while k > 0 {
                k -= 1;
                let v = self.heap.get_obj(store, stop + k);
                self.heap.set_obj(store, start + n + k, v);
            }
        } else {
            for k in 0..tail {
                let v = self.heap.get_obj(store, stop + k);
                self.heap.set_obj(store, start + n + k, v);
            }
            for k in new_len..len {
                self.heap.set_obj(store, k, Obj::NULL);
            }
        }
        let ss = self.heap.get_obj(src.bits(), 1).bits();
        for i in 0..n {
            let v = self.heap.get_obj(ss, i);
            self.heap.set_obj(store, start + i, v);
        }
        self.heap.set(l.bits(), 0, new_len);
        Ok(())
    }

    /// A range; its bounds must fit a 32-bit machine word as py/mpz.c's `mpz_as_int_checked`
    /// converts one on the reference's 32-bit ports: a magnitude below 2**31 (so not -2**31).
    pub(crate) fn new_range(&mut self, start: i64, stop: i64, step: i64) -> PyResult<Obj> {
        if [start, stop, step]
            .iter()
            .any(|v| v.unsigned_abs() > i32::MAX.unsigned_abs().into())
        {
            return Err(self.machine_word_overflow());
        }
        self.alloc_range(start, stop, step)
    }

    /// A range with these bounds, unchecked.
    fn alloc_range(&mut self, start: i64, stop: i64, step: i64) -> PyResult<Obj> {
        let base = self.roots_len();
        let r = (|| {
            let r = self.alloc(Kind::Range, 3)?;
            self.push_root(Obj::heap(r));
            for (i, v) in [start, stop, step].into_iter().enumerate() {
                let o = self.new_int(v)?;
                #[allow(clippy::cast_possible_truncation)]
                self.heap.set_obj(r, i as u32, o);
            }
            Ok(Obj::heap(r))
        })();
        self.truncate_roots(base);
        r
    }

    pub(crate) fn new_slice(&mut self, start: Obj, stop: Obj, step: Obj) -> PyResult<Obj> {
        let r = self.alloc(Kind::Slice, 3)?;
        self.heap.set_obj(r, 0, start);
        self.heap.set_obj(r, 1, stop);
        self.heap.set_obj(r, 2, step);
        Ok(Obj::heap(r))
    }

    /// `item in container`.
    pub(crate) fn contains(&mut self, container: Obj, item: Obj) -> PyResult<bool> {
        if self.typed_info(container).is_some() {
            return self.typed_contains(container, item);
        }
        if let Some((_, is_str)) = self.str_or_bytes(container) {
            // bytes and bytearray search anything with the buffer protocol (str included).
            let needle = if is_str {
                self.str_data(item)
            } else {
                self.readable_buffer(item)
            };
            if let Some(needle) = needle {
                let hay = self.str_or_bytes(container).map_or(&[][..], |p| p.0);
                if hay.is_empty() && self.kind_of(container) == Some(Kind::ByteArray) {
                    // An empty bytearray has no buffer: find_subbytes finds nothing in it.
                    return Ok(false);
                }
                return Ok(crate::object::str::find(hay, needle, 0).is_some());
            }
            if !is_str {
                if self.kind_of(container) == Some(Kind::ByteArray) {
                    // objarray.c: a number is not searched for, anything else is absent.
                    if item.as_small().is_some()
                        || self.is_kind(item, Kind::BigInt)
                        || self.is_kind(item, Kind::Float)
                    {
                        return Err(self.raise_bare(b::T_NOT_IMPLEMENTED_ERROR));
                    }
                    return Ok(false);
                }
                // bytes has no containment for other objects: runtime.c walks its items.
                let n = self.bytes_data(container).map_or(0, <[u8]>::len);
                for i in 0..n {
                    let x = self.bytes_data(container).and_then(|d| d.get(i).copied());
                    let Some(x) = x else { break };
                    if self.equal(Obj::small_sat(i64::from(x)), item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            return Err(self.bad_implicit_conversion(item));
        }
        match self.kind_of(container) {
            Some(Kind::Dict) => return Ok(self.dict_lookup(container, item)?.is_some()),
            Some(Kind::Set) => return self.set_contains(container, item),
            Some(Kind::Iter)
                if self.heap.get(container.bits(), 0)
                    == crate::object::iter::IT_DICT_KEYS | crate::object::iter::VIEW =>
            {
                let d = self.heap.get_obj(container.bits(), 2);
                return Ok(self.dict_lookup(d, item)?.is_some());
            }
            Some(Kind::Tuple | Kind::List) => {
                let mut i = 0;
                while let Some(p) = self.seq_parts(container) {
                    if i >= p.2 {
                        break;
                    }
                    let v = self.seq_get(p, i);
                    if self.equal(v, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                return Ok(false);
            }
            Some(Kind::Instance) => {
                if let Some(r) = self.call_special(container, "__contains__", &[item])? {
                    return self.is_true(r);
                }
                if let Some(n) = self.container_of(container) {
                    return self.contains(n, item);
                }
            }
            _ => {}
        }
        // Generic: iterate.
        let base = self.roots_len();
        self.push_root(item);
        let mut it = match self.iter_begin(container) {
            Ok(it) => it,
            Err(_) => {
                self.truncate_roots(base);
                // A bool container is an int by then (objbool.c's binary_op).
                let t = if container == Obj::TRUE || container == Obj::FALSE {
                    "int"
                } else {
                    self.type_name(container)
                };
                return Err(
                    self.raise_parts(b::T_TYPE_ERROR, &[&"'", &t, &"' object isn't iterable"])
                );
            }
        };
        self.push_root(it.obj);
        let r = (|| {
            while let Some(v) = self.iter_advance(&mut it)? {
                if self.equal(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.truncate_roots(base);
        r
    }

    /// UNPACK_SEQUENCE: the `n` items of `seq` (into a tuple, rooted by the caller's use).
    #[inline(never)]
    pub(crate) fn unpack(&mut self, seq: Obj, n: u32) -> PyResult<Obj> {
        let t = self.tuple_from_iter(seq)?;
        let len = self.tuple_len(t);
        if len < n {
            return Err(self.raise_parts(
                b::T_VALUE_ERROR,
                &[&"need more than ", &len, &" values to unpack"],
            ));
        }
        if len > n {
            return Err(self.raise_parts(
                b::T_VALUE_ERROR,
                &[&"too many values to unpack (expected ", &n, &")"],
            ));
        }
        Ok(t)
    }
}
