//! `array.array` and `memoryview` (after py/objarray.c): a typed array block is raw
//! `[len (items), typecode | flags, byte offset]`, then `[storage]`. An array's storage is a
//! `bytes` block (its capacity); a memoryview's is the object it views (bytes, bytearray or
//! array), read at the byte offset, so slicing a memoryview copies nothing.

use crate::builtins as b;
use crate::heap::{Heap, Kind};
use crate::obj::Obj;
use crate::vm::{PyResult, Vm};

/// Flag bits in word 1: a memoryview, and a writable one.
pub(crate) const MV: u32 = 0x100;
pub(crate) const RW: u32 = 0x200;

/// Size of one item of type code `tc` (None: not a type code).
pub(crate) const fn item_size(tc: u8) -> Option<usize> {
    match tc {
        b'b' | b'B' => Some(1),
        b'h' | b'H' => Some(2),
        b'i' | b'I' | b'l' | b'L' | b'f' | b'P' => Some(4),
        b'q' | b'Q' | b'd' => Some(8),
        _ => None,
    }
}

/// Type code class for comparisons (py/objarray.c's typecode_for_comparison):
/// lowercase, and whether it was unsigned.
fn cmp_code(tc: u8) -> (u8, bool) {
    if tc <= b'Z' {
        (tc + 32, true)
    } else {
        (tc, false)
    }
}

impl<'a> Vm<'a> {
    /// (type code, length in items, flags) of an array or memoryview.
    /// Is `o` an array or memoryview? (Never without the `array` feature, so the code
    /// behind the checks drops out of such a build.)
    pub(crate) fn is_typed(&self, o: Obj) -> bool {
        cfg!(feature = "array") && self.is_kind(o, Kind::TypedArray)
    }

    pub(crate) fn typed_info(&self, o: Obj) -> Option<(u8, u32, u32)> {
        if !self.is_typed(o) {
            return None;
        }
        let info = self.heap.get(o.bits(), 1);
        #[allow(clippy::cast_possible_truncation)]
        Some((info as u8, self.heap.get(o.bits(), 0), info & !0xff))
    }

    /// The bytes of any object with the buffer protocol, with its type code ('B' for bytes
    /// and bytearray).
    /// The bytes `mp_get_buffer(o, MP_BUFFER_READ)` sees: a str's UTF-8 too, then
    /// [`buffer_data`](Self::buffer_data)'s.
    pub(crate) fn readable_buffer(&self, o: Obj) -> Option<&[u8]> {
        self.str_data(o)
            .or_else(|| self.buffer_data(o).map(|p| p.0))
    }

    /// Visit `src`'s [readable buffer](Self::readable_buffer) in chunks of up to 48 bytes (a
    /// multiple of 3 and of 4) with their offsets, each copied out of the heap first so that
    /// `visit` may write to the heap. `Ok(false)` when `src` has no buffer.
    #[cfg(any(feature = "binascii", feature = "hashlib"))]
    pub(crate) fn buffer_chunks(
        &mut self,
        src: Obj,
        mut visit: impl FnMut(&mut Self, usize, &[u8]) -> PyResult<()>,
    ) -> PyResult<bool> {
        let Some(len) = self.readable_buffer(src).map(<[u8]>::len) else {
            return Ok(false);
        };
        let mut at = 0;
        while at < len {
            let mut chunk = [0u8; 48];
            let n = (len - at).min(chunk.len());
            if let Some(d) = self.readable_buffer(src).and_then(|d| d.get(at..at + n)) {
                chunk[..n].copy_from_slice(d);
            }
            visit(self, at, &chunk[..n])?;
            at += n;
        }
        Ok(true)
    }

    pub(crate) fn buffer_data(&self, o: Obj) -> Option<(&[u8], u8)> {
        if let Some(d) = self.bytes_data(o) {
            return Some((d, b'B'));
        }
        let (tc, len, flags) = self.typed_info(o)?;
        let n = len as usize * item_size(tc).unwrap_or(1);
        let off = self.heap.get(o.bits(), 2) as usize;
        let src = self.heap.get_obj(o.bits(), 3);
        let data = if flags & MV == 0 {
            self.heap.bytes(src.bits(), 1, self.heap.get(src.bits(), 0))
        } else {
            self.buffer_data(src).map_or(&[][..], |p| p.0)
        };
        Some((data.get(off..off + n).unwrap_or(&[]), tc))
    }

    /// The heap block holding a writable typed array's items (payload from word 1) and the
    /// byte where they start; None when read-only.
    fn typed_block(&self, o: Obj) -> Option<(u32, usize)> {
        let (_, _, flags) = self.typed_info(o)?;
        let off = self.heap.get(o.bits(), 2) as usize;
        let src = self.heap.get_obj(o.bits(), 3);
        if flags & MV == 0 {
            return Some((src.bits(), off));
        }
        if flags & RW == 0 {
            return None;
        }
        let inner = self.heap.get_obj(
            src.bits(),
            if self.is_kind(src, Kind::ByteArray) {
                1
            } else {
                3
            },
        );
        Some((inner.bits(), off))
    }

    /// Is `o` an array or a writable memoryview?
    #[cfg(feature = "io")]
    pub(crate) fn typed_writable(&self, o: Obj) -> bool {
        self.typed_block(o).is_some()
    }

    /// A new array (or memoryview when `flags` has MV) of `len` items over `src`.
    fn new_typed(&mut self, tc: u8, len: u32, flags: u32, src: Obj, off: u32) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(src);
        let r = (|| {
            let src = if flags & MV == 0 {
                let n = len as usize * item_size(tc).unwrap_or(1);
                Obj::heap(self.new_str_uninit(Kind::Bytes, n)?)
            } else {
                src
            };
            self.push_root(src);
            let o = self.alloc(Kind::TypedArray, 4)?;
            self.heap.set(o, 0, len);
            self.heap.set(o, 1, u32::from(tc) | flags);
            self.heap.set(o, 2, off);
            self.heap.set_obj(o, 3, src);
            Ok(Obj::heap(o))
        })();
        self.truncate_roots(base);
        r
    }

    /// Item `i` of a typed array (in range).
    pub(crate) fn typed_get(&mut self, o: Obj, i: u32) -> PyResult<Obj> {
        let (d, tc) = self.buffer_data(o).unwrap_or((&[], b'B'));
        let sz = item_size(tc).unwrap_or(1);
        let mut raw = [0u8; 8];
        if let Some(s) = d.get(i as usize * sz..(i as usize + 1) * sz) {
            raw[..sz].copy_from_slice(s);
        }
        crate::builtins::struct_value_of(self, tc, u64::from_le_bytes(raw), sz)
    }

    /// Store `v` as item `i` of a writable typed array.
    fn typed_set(&mut self, o: Obj, i: u32, v: Obj) -> PyResult<()> {
        let (tc, _, _) = self.typed_info(o).unwrap_or((b'B', 0, 0));
        let sz = item_size(tc).unwrap_or(1);
        let bits = crate::builtins::struct_bits_of(self, tc, v)?;
        self.typed_write(o, i as usize * sz, &bits.to_le_bytes()[..sz]);
        Ok(())
    }

    fn typed_write(&mut self, o: Obj, at: usize, data: &[u8]) {
        if let Some((blk, off)) = self.typed_block(o) {
            let cap = self.heap.get(blk, 0);
            if let Some(d) = self
                .heap
                .bytes_mut(blk, 1, cap)
                .get_mut(off + at..off + at + data.len())
            {
                d.copy_from_slice(data);
            }
        }
    }

    /// Copy `n` bytes of `src`'s buffer from byte `from` into typed array `dst` at byte `at`
    /// (in chunks: both may live in the heap).
    pub(crate) fn typed_copy_in(&mut self, dst: Obj, at: usize, src: Obj, from: usize, n: usize) {
        let mut k = 0;
        while k < n {
            let mut chunk = [0u8; 64];
            let m = (n - k).min(chunk.len());
            if let Some(s) = self
                .buffer_data(src)
                .and_then(|p| p.0.get(from + k..from + k + m))
            {
                chunk[..m].copy_from_slice(s);
            }
            self.typed_write(dst, at + k, &chunk[..m]);
            k += m;
        }
    }

    /// A `bytes` copy of a typed array's buffer.
    pub(crate) fn typed_to_bytes(&mut self, x: Obj) -> PyResult<Obj> {
        let n = self.buffer_data(x).map_or(0, |p| p.0.len());
        self.bytes_from_buffer(x, 0, n)
    }

    /// A new `bytes` of the `len` bytes at `at` of buffer `x` (in the heap or in flash), copied
    /// in chunks: the allocation may collect, so no slice of the buffer is held across it.
    pub(crate) fn bytes_from_buffer(&mut self, x: Obj, at: usize, len: usize) -> PyResult<Obj> {
        self.push_root(x);
        let o = self.new_str_uninit(Kind::Bytes, len);
        self.pop_root();
        let o = o?;
        let mut k = 0;
        while k < len {
            let mut chunk = [0u8; 64];
            let m = (len - k).min(chunk.len());
            if let Some(s) = self
                .buffer_data(x)
                .and_then(|p| p.0.get(at + k..at + k + m))
            {
                chunk[..m].copy_from_slice(s);
            }
            #[allow(clippy::cast_possible_truncation)]
            if let Some(d) = self.heap.bytes_mut(o, 1, len as u32).get_mut(k..k + m) {
                d.copy_from_slice(&chunk[..m]);
            }
            k += m;
        }
        Ok(Obj::heap(o))
    }

    /// `array(typecode[, initializer])`.
    pub(crate) fn array_new(&mut self, tc_obj: Obj, init: Option<Obj>) -> PyResult<Obj> {
        let Some(tc) = self
            .str_data(tc_obj)
            .map(|s| s.first().copied().unwrap_or(0))
        else {
            return Err(self.raise_msg_str(b::T_TYPE_ERROR, "can't convert to str implicitly"));
        };
        let Some(sz) = item_size(tc) else {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "bad typecode"));
        };
        let Some(init) = init else {
            return self.new_typed(tc, 0, 0, Obj::NULL, 0);
        };
        if self.bytes_data(init).is_some() {
            let n = self.bytes_data(init).map_or(0, <[u8]>::len) / sz;
            #[allow(clippy::cast_possible_truncation)]
            let a = self.new_typed(tc, n as u32, 0, Obj::NULL, 0)?;
            self.push_root(a);
            self.typed_copy_in(a, 0, init, 0, n * sz);
            self.pop_root();
            return Ok(a);
        }
        let a = self.new_typed(tc, 0, 0, Obj::NULL, 0)?;
        self.push_root(a);
        let r = self.array_extend_iter(a, init);
        self.pop_root();
        r.map(|()| a)
    }

    /// Append each item of iterable `src` to array `a`.
    fn array_extend_iter(&mut self, a: Obj, src: Obj) -> PyResult<()> {
        let l = self.list_from_iter(src)?;
        self.push_root(l);
        let r = (|| {
            let n = self.heap.get(l.bits(), 0);
            let old = self.heap.get(a.bits(), 0);
            self.array_resize(a, old + n)?;
            for i in 0..n {
                let st = self.heap.get_obj(l.bits(), 1).bits();
                let v = self.heap.get_obj(st, i);
                self.typed_set(a, old + i, v)?;
            }
            Ok(())
        })();
        self.pop_root();
        r
    }

    /// Make array `a` hold `len` items (new ones zero), growing its storage as needed.
    fn array_resize(&mut self, a: Obj, len: u32) -> PyResult<()> {
        let (tc, old, _) = self.typed_info(a).unwrap_or((b'B', 0, 0));
        let sz = item_size(tc).unwrap_or(1);
        let store = self.heap.get_obj(a.bits(), 3);
        let cap = self.heap.get(store.bits(), 0) as usize;
        let need = len as usize * sz;
        if need > cap {
            self.push_root(a);
            let ns = self.new_str_uninit(Kind::Bytes, need.max(cap * 2).max(8));
            self.pop_root();
            let ns = ns?;
            let store = self.heap.get_obj(a.bits(), 3);
            self.heap.copy_within(
                Heap::payload_pos(store.bits(), 1),
                Heap::payload_pos(ns, 1),
                old as usize * sz,
            );
            self.heap.set_obj(a.bits(), 3, Obj::heap(ns));
        } else if need < old as usize * sz {
            if let Some(d) = self
                .heap
                .bytes_mut(store.bits(), 1, cap as u32)
                .get_mut(need..)
            {
                d.fill(0);
            }
        }
        self.heap.set(a.bits(), 0, len);
        Ok(())
    }

    /// `array.append(v)`.
    pub(crate) fn array_append(&mut self, a: Obj, v: Obj) -> PyResult<()> {
        let n = self.heap.get(a.bits(), 0);
        self.array_resize(a, n + 1)?;
        let r = self.typed_set(a, n, v);
        if r.is_err() {
            self.heap.set(a.bits(), 0, n);
        }
        r
    }

    /// `array.extend(src)`: raw bytes from a buffer, else item by item.
    pub(crate) fn array_extend(&mut self, a: Obj, src: Obj) -> PyResult<()> {
        let Some(n) = self.buffer_data(src).map(|p| p.0.len()) else {
            return self.array_extend_iter(a, src);
        };
        let (tc, old, _) = self.typed_info(a).unwrap_or((b'B', 0, 0));
        let sz = item_size(tc).unwrap_or(1);
        let k = n / sz;
        self.push_root(src);
        #[allow(clippy::cast_possible_truncation)]
        let r = self.array_resize(a, old + k as u32);
        self.pop_root();
        r?;
        self.typed_copy_in(a, old as usize * sz, src, 0, k * sz);
        Ok(())
    }

    /// `memoryview(obj)`.
    pub(crate) fn memoryview_new(&mut self, src: Obj) -> PyResult<Obj> {
        let Some((d, tc)) = self.buffer_data(src) else {
            return Err(self.raise_msg_str(b::T_TYPE_ERROR, "object with buffer protocol required"));
        };
        #[allow(clippy::cast_possible_truncation)]
        let len = (d.len() / item_size(tc).unwrap_or(1)) as u32;
        if let Some((_, _, flags)) = self.typed_info(src) {
            if flags & MV != 0 {
                let inner = self.heap.get_obj(src.bits(), 3);
                let off = self.heap.get(src.bits(), 2);
                return self.new_typed(tc, len, flags, inner, off);
            }
            return self.new_typed(tc, len, MV | RW, src, 0);
        }
        let rw = if self.is_kind(src, Kind::ByteArray) {
            RW
        } else {
            0
        };
        self.new_typed(tc, len, MV | rw, src, 0)
    }

    /// `o[index]` for a typed array.
    pub(crate) fn typed_subscr(&mut self, o: Obj, index: Obj) -> PyResult<Obj> {
        let (tc, len, flags) = self.typed_info(o).unwrap_or((b'B', 0, 0));
        if self.is_kind(index, Kind::Slice) {
            let sb = self.slice_bounds(index, len)?;
            if sb.step != 1 {
                return Err(self.step_not_supported());
            }
            let sz = item_size(tc).unwrap_or(1);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let start = sb.start.max(0) as usize * sz;
            if flags & MV != 0 {
                let src = self.heap.get_obj(o.bits(), 3);
                let off = self.heap.get(o.bits(), 2);
                #[allow(clippy::cast_possible_truncation)]
                return self.new_typed(tc, sb.len, flags, src, off + start as u32);
            }
            self.push_root(o);
            let r = self.new_typed(tc, sb.len, 0, Obj::NULL, 0);
            self.pop_root();
            let r = r?;
            self.typed_copy_in(r, 0, o, start, sb.len as usize * sz);
            return Ok(r);
        }
        let what = if flags & MV != 0 {
            "memoryview"
        } else {
            "array"
        };
        let i = self.norm_index(index, len, what)?;
        self.typed_get(o, i)
    }

    /// `o[index] = value` for a typed array (`value` NULL: deletion, unsupported).
    pub(crate) fn typed_store(&mut self, o: Obj, index: Obj, value: Obj) -> PyResult<()> {
        let (tc, len, flags) = self.typed_info(o).unwrap_or((b'B', 0, 0));
        let what = if flags & MV != 0 {
            "memoryview"
        } else {
            "array"
        };
        if value.is_null() {
            return Err(self.raise_parts(
                b::T_TYPE_ERROR,
                &[&"'", &what, &"' object doesn't support item deletion"],
            ));
        }
        let read_only =
            || -> (&'static str, &str) { ("'", "' object doesn't support item assignment") };
        if self.is_kind(index, Kind::Slice) {
            let sb = self.slice_bounds(index, len)?;
            if sb.step != 1 {
                return Err(self.step_not_supported());
            }
            let sz = item_size(tc).unwrap_or(1);
            let src_len =
                if let Some((stc, _, _)) = self.typed_info(value) {
                    if item_size(stc) != Some(sz) {
                        return Err(self
                            .raise_msg_str(b::T_VALUE_ERROR, "lhs and rhs should be compatible"));
                    }
                    self.buffer_data(value).map_or(0, |p| p.0.len()) / sz
                } else if self.is_kind(value, Kind::ByteArray) {
                    if sz != 1 {
                        return Err(self
                            .raise_msg_str(b::T_VALUE_ERROR, "lhs and rhs should be compatible"));
                    }
                    self.bytes_data(value).map_or(0, <[u8]>::len)
                } else if let Some(d) = self.bytes_data(value) {
                    let n = d.len();
                    if sz != 1 {
                        return Err(self
                            .raise_msg_str(b::T_VALUE_ERROR, "lhs and rhs should be compatible"));
                    }
                    n
                } else {
                    return Err(self.raise_msg_str(
                        b::T_NOT_IMPLEMENTED_ERROR,
                        "array/bytes required on right side",
                    ));
                };
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let (start, stop) = (
                sb.start.max(0) as usize,
                (sb.start.max(0) as usize + sb.len as usize),
            );
            if flags & MV != 0 {
                if flags & RW == 0 {
                    let (p, s) = read_only();
                    return Err(self.raise_parts(b::T_TYPE_ERROR, &[&p, &what, &s]));
                }
                if src_len != stop - start {
                    return Err(
                        self.raise_msg_str(b::T_VALUE_ERROR, "lhs and rhs should be compatible")
                    );
                }
                self.typed_copy_in(o, start * sz, value, 0, src_len * sz);
                return Ok(());
            }
            // Rebuild the array: head, the new items, tail (`value` may be `o` itself).
            self.push_root(value);
            #[allow(clippy::cast_possible_truncation)]
            let r = self.new_typed(
                tc,
                (len as usize - (stop - start) + src_len) as u32,
                0,
                Obj::NULL,
                0,
            );
            self.pop_root();
            let r = r?;
            self.push_root(r);
            self.typed_copy_in(r, 0, o, 0, start * sz);
            self.typed_copy_in(r, start * sz, value, 0, src_len * sz);
            self.typed_copy_in(
                r,
                (start + src_len) * sz,
                o,
                stop * sz,
                (len as usize - stop) * sz,
            );
            self.pop_root();
            let (n, store) = (self.heap.get(r.bits(), 0), self.heap.get(r.bits(), 3));
            self.heap.set(o.bits(), 0, n);
            self.heap.set(o.bits(), 3, store);
            return Ok(());
        }
        let i = self.norm_index(index, len, what)?;
        if flags & MV != 0 && flags & RW == 0 {
            let (p, s) = read_only();
            return Err(self.raise_parts(b::T_TYPE_ERROR, &[&p, &what, &s]));
        }
        self.typed_set(o, i, value)
    }

    /// Binary operations with a typed array on the left (or a buffer on the left and a typed
    /// array on the right, for comparisons).
    pub(crate) fn typed_binary_op(
        &mut self,
        op: mpy_format::opcode::BinaryOp,
        a: Obj,
        bo: Obj,
    ) -> PyResult<Option<Obj>> {
        use mpy_format::opcode::BinaryOp as B;
        let a_mv = self.typed_info(a).is_some_and(|t| t.2 & MV != 0);
        match op {
            B::ADD | B::INPLACE_ADD if self.typed_info(a).is_some() => {
                if a_mv {
                    return Ok(None);
                }
                if op == B::INPLACE_ADD {
                    self.array_extend(a, bo)?;
                    return Ok(Some(a));
                }
                let Some((d, _)) = self.buffer_data(bo) else {
                    return Err(
                        self.raise_msg_str(b::T_TYPE_ERROR, "object with buffer protocol required")
                    );
                };
                let (tc, len, _) = self.typed_info(a).unwrap_or((b'B', 0, 0));
                let sz = item_size(tc).unwrap_or(1);
                let k = d.len() / sz;
                let base = self.roots_len();
                self.push_root(a);
                self.push_root(bo);
                #[allow(clippy::cast_possible_truncation)]
                let r = self.new_typed(tc, len + k as u32, 0, Obj::NULL, 0);
                self.truncate_roots(base);
                let r = r?;
                self.push_root(r);
                self.typed_copy_in(r, 0, a, 0, len as usize * sz);
                self.typed_copy_in(r, len as usize * sz, bo, 0, k * sz);
                self.pop_root();
                Ok(Some(r))
            }
            B::EQUAL | B::LESS | B::LESS_EQUAL | B::MORE | B::MORE_EQUAL => {
                // An array compares only with arrays; a memoryview and a bytearray with any
                // buffer (py/obj.c tries each side, skipping types without
                // MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE when the other's type differs).
                let is_array = |vm: &Self, o: Obj| vm.typed_info(o).is_some_and(|t| t.2 & MV == 0);
                if op == B::EQUAL {
                    let ok = if self.typed_info(a).is_some() {
                        !is_array(self, a) || is_array(self, bo)
                    } else {
                        self.is_kind(a, Kind::ByteArray) || !is_array(self, bo)
                    };
                    if !ok {
                        return Ok(Some(Obj::FALSE));
                    }
                } else if self.typed_info(a).is_none() {
                    return Ok(None);
                }
                let (Some((_, ta)), Some((_, tb))) = (self.buffer_data(a), self.buffer_data(bo))
                else {
                    return Ok(if op == B::EQUAL && self.typed_info(a).is_some() {
                        Some(Obj::FALSE)
                    } else {
                        None
                    });
                };
                let (ca, ua) = cmp_code(ta);
                let (cb, ub) = cmp_code(tb);
                if ca == cb && ca != b'f' && ca != b'd' && (op == B::EQUAL || ua || ub) {
                    let x = self.buffer_data(a).map_or(&[][..], |p| p.0);
                    let y = self.buffer_data(bo).map_or(&[][..], |p| p.0);
                    let ord = x.cmp(y);
                    let r = match op {
                        B::EQUAL => ord.is_eq(),
                        B::LESS => ord.is_lt(),
                        B::LESS_EQUAL => ord.is_le(),
                        B::MORE => ord.is_gt(),
                        _ => ord.is_ge(),
                    };
                    return Ok(Some(Obj::bool(r)));
                }
                Err(self.raise_bare(b::T_NOT_IMPLEMENTED_ERROR))
            }
            _ => Ok(None),
        }
    }

    /// `item in a` for a typed array `a`.
    pub(crate) fn typed_contains(&mut self, _a: Obj, item: Obj) -> PyResult<bool> {
        if self.buffer_data(item).is_none()
            && (self.int_to_i64(item).is_some() || self.float_value(item).is_some())
        {
            return Err(self.raise_bare(b::T_NOT_IMPLEMENTED_ERROR));
        }
        Ok(false)
    }
}
