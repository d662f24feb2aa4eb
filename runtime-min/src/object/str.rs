//! str and bytes helpers: UTF-8 indexing, searching, concatenation, `%` and `str.format`
//! (after py/objstr.c, py/objstrunicode.c).

use crate::builtins as b;
use crate::heap::{Heap, Kind};
use crate::obj::Obj;
use crate::object::print::{NumBuf, Sink};
use crate::vm::{PyResult, Vm};

/// Number of UTF-8 characters.
pub(crate) fn char_count(s: &[u8]) -> usize {
    s.iter().filter(|&&c| c & 0xc0 != 0x80).count()
}

/// Byte offset of character `n` (or the length when past the end).
pub(crate) fn char_offset(s: &[u8], n: usize) -> usize {
    let mut count = 0;
    for (i, &c) in s.iter().enumerate() {
        if c & 0xc0 != 0x80 {
            if count == n {
                return i;
            }
            count += 1;
        }
    }
    s.len()
}

/// Find `needle` in `hay` at or after byte `from`.
pub(crate) fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Find the last `needle` in `hay[..end]`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if needle.len() > end {
        return None;
    }
    (start..=end - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

impl<'a> Vm<'a> {
    /// Concatenate two str or two bytes objects.
    pub(crate) fn concat_str(&mut self, a: Obj, bo: Obj) -> PyResult<Obj> {
        let Some((da, is_str)) = self.str_or_bytes(a) else {
            return Ok(a);
        };
        let la = da.len();
        let (lb, b_is_str) = self
            .str_or_bytes(bo)
            .map_or((0, is_str), |p| (p.0.len(), p.1));
        // objstr.c returns an operand as it is when the other one is empty (no allocation;
        // the caller copies a bytearray result).
        if lb == 0 {
            return Ok(a);
        }
        if la == 0
            && b_is_str == is_str
            && !self.is_kind(a, Kind::ByteArray)
            && !self.is_kind(bo, Kind::ByteArray)
        {
            return Ok(bo);
        }
        let kind = if is_str { Kind::Str } else { Kind::Bytes };
        let base = self.roots_len();
        self.push_root(a);
        self.push_root(bo);
        let o = self.new_str_uninit(kind, la + lb);
        self.truncate_roots(base);
        let o = o?;
        self.copy_str_bytes(a, o, 0)?;
        self.copy_str_bytes(bo, o, la)?;
        Ok(Obj::heap(o))
    }

    /// Copy the bytes of str/bytes `src` into block `dst` at byte `at`.
    pub(crate) fn copy_str_bytes(&mut self, src: Obj, dst: u32, at: usize) -> PyResult<()> {
        let len = self.heap.get(dst, 0);
        if let Some(off) = src.heap_offset() {
            let (store, n) = match self.heap.kind(off) {
                Kind::Str | Kind::Bytes => (off, self.heap.get(off, 0)),
                Kind::ByteArray => (self.heap.get(off, 1), self.heap.get(off, 0)),
                _ => return Ok(()),
            };
            let n = (n as usize).min((len as usize).saturating_sub(at));
            self.heap.copy_within(
                Heap::payload_pos(store, 1),
                Heap::payload_pos(dst, 1) + at,
                n,
            );
            return Ok(());
        }
        // Image or static data: not in the heap.
        let data: &'a [u8] = if let Some(q) = src.as_qstr() {
            self.qstr_bytes(q)
        } else if let Some(n) = src.imm_of(crate::obj::Imm::RomBytes) {
            crate::loader::image_str(self.image(n >> 20), (n & 0xf_ffff) as usize, true)
        } else {
            &[]
        };
        let d = self.heap.bytes_mut(dst, 1, len);
        if let Some(t) = d.get_mut(at..at + data.len()) {
            t.copy_from_slice(data);
        }
        Ok(())
    }

    /// A new str/bytes from a byte range of `src` (same kind).
    pub(crate) fn substr(&mut self, src: Obj, start: usize, end: usize) -> PyResult<Obj> {
        let Some((d, is_str)) = self.str_or_bytes(src) else {
            return Ok(src);
        };
        let end = end.min(d.len());
        let start = start.min(end);
        if start == 0 && end == d.len() && !self.is_kind(src, Kind::ByteArray) {
            return Ok(src);
        }
        let kind = if is_str { Kind::Str } else { Kind::Bytes };
        self.push_root(src);
        let o = self.new_str_uninit(kind, end - start);
        self.pop_root();
        let o = o?;
        if let Some(off) = src.heap_offset() {
            let store = if self.heap.kind(off) == Kind::ByteArray {
                self.heap.get(off, 1)
            } else {
                off
            };
            self.heap.copy_within(
                Heap::payload_pos(store, 1) + start,
                Heap::payload_pos(o, 1),
                end - start,
            );
        } else {
            let data: &'a [u8] = if let Some(q) = src.as_qstr() {
                self.qstr_bytes(q)
            } else if let Some(n) = src.imm_of(crate::obj::Imm::RomBytes) {
                crate::loader::image_str(self.image(n >> 20), (n & 0xf_ffff) as usize, true)
            } else {
                &[]
            };
            #[allow(clippy::cast_possible_truncation)]
            let dst = self.heap.bytes_mut(o, 1, (end - start) as u32);
            if let Some(s) = data.get(start..end) {
                dst.copy_from_slice(s);
            }
        }
        Ok(Obj::heap(o))
    }

    /// `s[i]` / `s[a:b:c]` for str.
    pub(crate) fn str_subscr(&mut self, s: Obj, index: Obj) -> PyResult<Obj> {
        let (n_chars, ascii) = {
            let d = self.str_data(s).unwrap_or(&[]);
            (char_count(d), d.is_ascii())
        };
        #[allow(clippy::cast_possible_truncation)]
        let n = n_chars as u32;
        if self.is_kind(index, Kind::Slice) {
            // objstrunicode.c checks the step object itself first (so a zero step is
            // NotImplementedError too).
            let step = self.heap.get_obj(index.bits(), 2);
            if !(step == Obj::NONE || step.is_null() || step.as_small() == Some(1)) {
                return Err(self.step_not_supported());
            }
            let sb = self.slice_bounds(index, n)?;
            if sb.step == 1 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let (a, e) = (sb.start as usize, sb.start as usize + sb.len as usize);
                let (ba, be) = if ascii {
                    (a, e)
                } else {
                    let d = self.str_data(s).unwrap_or(&[]);
                    (char_offset(d, a), char_offset(d, e))
                };
                return self.substr(s, ba, be);
            }
            let slot = self.builder_new()?;
            for i in 0..sb.len {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let ci = sb.index(i) as usize;
                let mut buf = NumBuf::new();
                if let Some(d) = self.str_data(s) {
                    let a = char_offset(d, ci);
                    let e = char_offset(d, ci + 1);
                    buf.extend(d.get(a..e).unwrap_or(&[]));
                }
                if let Err(e) = self.sink_write(Sink::Buf(slot), buf.as_bytes()) {
                    self.truncate_roots(slot);
                    return Err(e);
                }
            }
            return Ok(self.builder_finish(slot));
        }
        let i = self.norm_index(index, n, "string")? as usize;
        let (a, e) = if ascii {
            (i, i + 1)
        } else {
            let d = self.str_data(s).unwrap_or(&[]);
            (char_offset(d, i), char_offset(d, i + 1))
        };
        self.substr(s, a, e)
    }

    /// `fmt % args`.
    #[inline(never)]
    pub(crate) fn str_percent(&mut self, fmt: Obj, args: Obj) -> PyResult<Obj> {
        let base = self.roots_len();
        self.push_root(fmt);
        self.push_root(args);
        let is_bytes = self.str_data(fmt).is_none();
        let r = self.format_pattern(fmt, |vm, fmt| vm.str_percent_inner(fmt, args, is_bytes));
        self.truncate_roots(base);
        r
    }

    /// Run a str formatter `f` over pattern `fmt`. A bytes pattern is formatted as a str copy
    /// and the result made bytes, as py/objstr.c returns the pattern's type.
    pub(crate) fn format_pattern(
        &mut self,
        fmt: Obj,
        f: impl FnOnce(&mut Self, Obj) -> PyResult<Obj>,
    ) -> PyResult<Obj> {
        if self.str_data(fmt).is_some() {
            return f(self, fmt);
        }
        let base = self.roots_len();
        let r = (|| {
            let n = self.bytes_data(fmt).map_or(0, <[u8]>::len);
            let view = self.substr_as_str(fmt, n)?;
            self.push_root(view);
            let out = f(self, view)?;
            self.push_root(out);
            let n = self.str_data(out).map_or(0, <[u8]>::len);
            let b = self.new_str_uninit(Kind::Bytes, n)?;
            self.copy_str_bytes(out, b, 0)?;
            Ok(Obj::heap(b))
        })();
        self.truncate_roots(base);
        r
    }

    fn str_percent_inner(&mut self, fmt: Obj, args: Obj, is_bytes: bool) -> PyResult<Obj> {
        let args = match self.value_of(args) {
            Some(t) if self.is_kind(t, Kind::Tuple) => t,
            _ => args,
        };
        self.push_root(args);
        let is_tuple = self.is_kind(args, Kind::Tuple);
        let is_dict = self.is_kind(args, Kind::Dict);
        let n_args = if is_tuple { self.tuple_len(args) } else { 1 };
        let mut arg_i = 0u32;
        let slot = self.builder_new()?;
        let sink = Sink::Buf(slot);
        let len = self.str_data(fmt).map_or(0, <[u8]>::len);
        let mut i = 0;
        let result = (|| {
            while i < len {
                let c = self
                    .str_data(fmt)
                    .and_then(|d| d.get(i).copied())
                    .unwrap_or(0);
                if c != b'%' {
                    // copy a run of literal bytes
                    let mut buf = NumBuf::new();
                    while i < len && buf.len < 300 {
                        let c = self
                            .str_data(fmt)
                            .and_then(|d| d.get(i).copied())
                            .unwrap_or(0);
                        if c == b'%' {
                            break;
                        }
                        buf.push(c);
                        i += 1;
                    }
                    self.sink_write(sink, buf.as_bytes())?;
                    continue;
                }
                i += 1;
                // `%%` right after the `%` only: `%5%` is an unsupported conversion.
                if self.str_data(fmt).and_then(|d| d.get(i).copied()) == Some(b'%') {
                    i += 1;
                    self.sink_write(sink, b"%")?;
                    continue;
                }
                // %(name)
                let mut key_arg = Obj::NULL;
                if self.str_data(fmt).and_then(|d| d.get(i).copied()) == Some(b'(') {
                    if !is_dict {
                        return Err(self.raise_msg_str(b::T_TYPE_ERROR, "format needs a dict"));
                    }
                    let start = i + 1;
                    let mut e = start;
                    while e < len
                        && self.str_data(fmt).and_then(|d| d.get(e).copied()) != Some(b')')
                    {
                        e += 1;
                    }
                    if e >= len {
                        return Err(self.raise_msg_str(b::T_VALUE_ERROR, "incomplete format key"));
                    }
                    // The key is interned (mp_obj_new_str_via_qstr).
                    if e - start > super::attr::MAX_NAME_LEN {
                        return Err(self.name_too_long());
                    }
                    let key = self.substr(fmt, start, e)?;
                    self.push_root(key);
                    key_arg = self.dict_getitem(args, key)?;
                    self.pop_root();
                    arg_i = n_args;
                    i = e + 1;
                }
                let mut spec = FormatSpec::default();
                // flags
                while let Some(c) = self.str_data(fmt).and_then(|d| d.get(i).copied()) {
                    match c {
                        b'-' => spec.align = b'<',
                        b'+' => spec.sign = b'+',
                        b' ' if spec.sign != b'+' => spec.sign = b' ',
                        b' ' => {}
                        b'0' => spec.fill_zero = true,
                        b'#' => spec.alt = true,
                        _ => break,
                    }
                    i += 1;
                }
                let mut take_arg = |vm: &mut Vm<'a>| -> PyResult<Obj> {
                    if arg_i >= n_args {
                        return Err(
                            vm.raise_msg_str(b::T_TYPE_ERROR, "format string needs more arguments")
                        );
                    }
                    let a = if is_tuple {
                        vm.heap.get_obj(args.bits(), arg_i + 1)
                    } else {
                        args
                    };
                    arg_i += 1;
                    Ok(a)
                };
                // width
                if self.str_data(fmt).and_then(|d| d.get(i).copied()) == Some(b'*') {
                    let w = take_arg(self)?;
                    spec.width = usize::try_from(self.get_int(w)?).ok();
                    i += 1;
                } else {
                    let mut w = None;
                    while let Some(c @ b'0'..=b'9') =
                        self.str_data(fmt).and_then(|d| d.get(i).copied())
                    {
                        w = Some(w.unwrap_or(0) * 10 + usize::from(c - b'0'));
                        i += 1;
                    }
                    spec.width = w;
                }
                if self.str_data(fmt).and_then(|d| d.get(i).copied()) == Some(b'.') {
                    i += 1;
                    if self.str_data(fmt).and_then(|d| d.get(i).copied()) == Some(b'*') {
                        // A negative precision from the arguments is no precision.
                        let w = take_arg(self)?;
                        spec.precision = usize::try_from(self.get_int(w)?).ok();
                        i += 1;
                    } else {
                        let mut p = 0;
                        while let Some(c @ b'0'..=b'9') =
                            self.str_data(fmt).and_then(|d| d.get(i).copied())
                        {
                            p = p * 10 + usize::from(c - b'0');
                            i += 1;
                        }
                        spec.precision = Some(p);
                    }
                }
                let Some(conv) = self.str_data(fmt).and_then(|d| d.get(i).copied()) else {
                    return Err(self.raise_msg_str(b::T_VALUE_ERROR, "incomplete format"));
                };
                i += 1;
                let arg = if key_arg.is_null() {
                    take_arg(self)?
                } else {
                    key_arg
                };
                match conv {
                    b's' | b'r' => {
                        let raw =
                            is_bytes && conv == b's' && self.builtin_type_id(arg) == b::T_BYTES;
                        let s = if raw {
                            let n = self.bytes_data(arg).map_or(0, <[u8]>::len);
                            self.substr_as_str(arg, n)?
                        } else {
                            self.obj_str(arg, conv == b'r')?
                        };
                        self.push_root(s);
                        let r = self.format_str_padded(sink, s, &spec, b'>');
                        self.pop_root();
                        r?;
                    }
                    b'c' => {
                        // A str must be one byte long; an int is a code point (objstr.c).
                        let s = match self.str_data(arg) {
                            Some(d) if d.len() == 1 => arg,
                            Some(_) => {
                                return Err(
                                    self.raise_msg_str(b::T_TYPE_ERROR, "%c needs int or char")
                                )
                            }
                            None if self.int_to_i64(arg).is_some()
                                || self.is_kind(arg, Kind::BigInt) =>
                            {
                                self.format_char(arg)?
                            }
                            None => {
                                return Err(self.raise_msg_str(b::T_TYPE_ERROR, "integer needed"))
                            }
                        };
                        // %c has no precision (mp_print_strn of the whole character).
                        spec.precision = None;
                        self.push_root(s);
                        let r = self.format_str_padded(sink, s, &spec, b'>');
                        self.pop_root();
                        r?;
                    }
                    b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                        let v = self.percent_int_arg(arg, matches!(conv, b'd' | b'i' | b'u'))?;
                        self.push_root(v);
                        let f = IntFmt {
                            ty: conv,
                            sign: spec.sign,
                            prefix: spec.alt && conv != b'd',
                            align: spec.align,
                            after_sign: spec.fill_zero,
                            sep: 0,
                            fill: if spec.fill_zero { '0' } else { ' ' },
                            width: i64::try_from(spec.width.unwrap_or(0)).unwrap_or(0),
                            prec: i64::try_from(spec.precision.unwrap_or(0)).unwrap_or(0),
                        };
                        let r = self.print_int(sink, v, &f);
                        self.pop_root();
                        r?;
                    }
                    b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                        let f = self.float_arg(arg)?;
                        spec.ty = conv;
                        if spec.fill_zero {
                            // mp_print_float pads with '0' on either side ('%-05g').
                            spec.fill = '0';
                        }
                        if spec.precision.is_none() {
                            spec.precision = Some(6);
                        }
                        self.format_float(sink, f, &spec)?;
                    }
                    _ => {
                        return Err(self.raise_parts(
                            b::T_VALUE_ERROR,
                            &[
                                &"unsupported format character '",
                                &(conv as char),
                                &"' (0x",
                                &crate::vm::Hex2(conv),
                                &") at index ",
                                &(i - 1),
                            ],
                        ))
                    }
                }
            }
            if !is_dict && arg_i != n_args {
                return Err(self.raise_msg_str(
                    b::T_TYPE_ERROR,
                    "format string didn't convert all arguments",
                ));
            }
            Ok(())
        })();
        let s = self.builder_finish(slot);
        result.map(|()| s)
    }

    /// The integer a `%d`-style conversion formats: ints as they are, floats truncated,
    /// other objects through `__int__`.
    fn percent_int_arg(&mut self, arg: Obj, truncate_float: bool) -> PyResult<Obj> {
        if self.big_of(arg).is_some() {
            return Ok(arg);
        }
        if let Some(f) = self.float_value(arg).filter(|_| truncate_float) {
            // Truncated to an int of any size (mp_obj_new_int_from_float).
            return self.int_from_float(f);
        }
        if self.is_kind(arg, Kind::Instance) {
            if let Some(v) = self.call_special(arg, "__int__", &[])? {
                if self.big_of(v).is_some() {
                    return Ok(v);
                }
            }
        }
        let t = self.type_name(arg);
        Err(self.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to int"]))
    }

    /// A float value of an int or float.
    pub(crate) fn float_of(&self, o: Obj) -> Option<f64> {
        if !cfg!(feature = "float") {
            return None;
        }
        self.float_value(o)
            .or_else(|| self.big_of(o).map(|b| b.to_f64()))
    }

    /// The character of a `%c` / `{:c}` conversion: like `chr` but out of range is an
    /// OverflowError (objstr.c's mp_print_char).
    pub(crate) fn format_char(&mut self, i: Obj) -> PyResult<Obj> {
        let v = self.get_int(i)?;
        if u32::try_from(v).ok().filter(|&c| c < 0x11_0000).is_none() {
            return Err(self.raise_msg_str(b::T_OVERFLOW_ERROR, "char not in range(0x110000)"));
        }
        self.chr(i)
    }

    /// `chr(i)`.
    pub(crate) fn chr(&mut self, i: Obj) -> PyResult<Obj> {
        let v = self.get_int(i)?;
        // Any code point below 0x110000, surrogates included (modbuiltins.c).
        let Some(c) = u32::try_from(v).ok().filter(|&c| c < 0x11_0000) else {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "char not in range(0x110000)"));
        };
        let (bytes, n) = crate::builtins::utf8_encode(c);
        self.new_str_bytes(&bytes[..n])
    }

    /// Write `n` characters of a [`grouped_zero_pad`] padding run.
    fn write_pad_run(&mut self, sink: Sink, chunk: &[u8], mut n: isize) -> PyResult<()> {
        while n > 0 {
            #[allow(clippy::cast_sign_loss)]
            let p = (n as usize).min(chunk.len());
            self.sink_write(sink, &chunk[..p])?;
            #[allow(clippy::cast_possible_wrap)]
            let step = p as isize;
            n -= step;
        }
        Ok(())
    }

    fn write_padded(
        &mut self,
        sink: Sink,
        body: &[u8],
        spec: &FormatSpec,
        default_align: u8,
        body_chars: usize,
    ) -> PyResult<()> {
        let width = spec.width.unwrap_or(0);
        let pad = width.saturating_sub(body_chars);
        let align = if spec.align == 0 {
            default_align
        } else {
            spec.align
        };
        let (left, right) = match align {
            b'<' => (0, pad),
            b'^' => (pad / 2, pad - pad / 2),
            _ => (pad, 0),
        };
        let mut fill = [0u8; 4];
        let fill = spec.fill.encode_utf8(&mut fill).as_bytes().to_owned_array();
        for _ in 0..left {
            self.sink_write(sink, fill.as_slice())?;
        }
        self.sink_write(sink, body)?;
        for _ in 0..right {
            self.sink_write(sink, fill.as_slice())?;
        }
        Ok(())
    }

    /// Write a string object with width/precision/alignment.
    pub(crate) fn format_str_padded(
        &mut self,
        sink: Sink,
        s: Obj,
        spec: &FormatSpec,
        default_align: u8,
    ) -> PyResult<()> {
        // Formatting (`%s`, `{:5}`) measures width and precision in bytes, as
        // mp_print_strn does.
        self.pad_str(sink, s, spec, default_align, true)
    }

    /// Write str `s` padded per `spec`; width and precision count bytes when `by_bytes`,
    /// else characters (`str.center`).
    pub(crate) fn pad_str(
        &mut self,
        sink: Sink,
        s: Obj,
        spec: &FormatSpec,
        default_align: u8,
        by_bytes: bool,
    ) -> PyResult<()> {
        let (chars, bytes_len) = {
            let d = self.str_data(s).unwrap_or(&[]);
            (if by_bytes { d.len() } else { char_count(d) }, d.len())
        };
        if by_bytes && spec.fill == '0' && spec.sep != 0 {
            let cut = spec.precision.map_or(bytes_len, |p| p.min(bytes_len));
            let width = spec
                .width
                .map_or(-1, |w| isize::try_from(w).unwrap_or(isize::MAX));
            // A str is left-aligned unless asked otherwise ('=' from the '0' flag included).
            let align = match spec.align {
                0 => default_align,
                b'=' => b'<',
                a => a,
            };
            let (left, right, chunk) = grouped_zero_pad(spec.sep, align, width, cut);
            self.write_pad_run(sink, chunk, left)?;
            let sub = self.substr(s, 0, cut)?;
            self.push_root(sub);
            let r = self.sink_write_obj(sink, sub);
            self.pop_root();
            r?;
            return self.write_pad_run(sink, chunk, right);
        }
        let (chars, cut) = match spec.precision {
            Some(p) if p < chars => {
                let d = self.str_data(s).unwrap_or(&[]);
                (p, if by_bytes { p } else { char_offset(d, p) })
            }
            _ => (chars, bytes_len),
        };
        let width = spec.width.unwrap_or(0);
        if width <= chars && cut == bytes_len {
            return self.sink_write_obj(sink, s);
        }
        let pad = width.saturating_sub(chars);
        let align = if spec.align == 0 {
            default_align
        } else {
            spec.align
        };
        let (left, right) = match align {
            b'>' => (pad, 0),
            b'^' => (pad / 2, pad - pad / 2),
            _ => (0, pad),
        };
        let mut fb = [0u8; 4];
        let fill = spec.fill.encode_utf8(&mut fb).len();
        let fill_bytes = fb;
        for _ in 0..left {
            self.sink_write(sink, &fill_bytes[..fill])?;
        }
        if cut == bytes_len {
            self.sink_write_obj(sink, s)?;
        } else {
            let sub = self.substr(s, 0, cut)?;
            self.push_root(sub);
            let r = self.sink_write_obj(sink, sub);
            self.pop_root();
            r?;
        }
        for _ in 0..right {
            self.sink_write(sink, &fill_bytes[..fill])?;
        }
        Ok(())
    }

    /// Format an integer per `spec` (types d, x, X, o, b, n; default d) as `str.format` does.
    pub(crate) fn format_int(&mut self, sink: Sink, x: Obj, spec: &FormatSpec) -> PyResult<()> {
        let f = IntFmt {
            ty: spec.ty,
            sign: spec.sign,
            prefix: spec.alt,
            align: spec.align,
            after_sign: spec.align == b'=',
            sep: spec.sep,
            fill: spec.fill,
            width: i64::try_from(spec.width.unwrap_or(0)).unwrap_or(0),
            prec: 0,
        };
        self.print_int(sink, x, &f)
    }

    /// An integer with sign, base prefix, grouping, width and (`%` formatting's) precision
    /// (after py/mpprint.c's `mp_print_mp_int`).
    pub(crate) fn print_int(&mut self, sink: Sink, x: Obj, f: &IntFmt) -> PyResult<()> {
        let Some(big) = self.big_of(x) else {
            return Err(self.raise_msg_str(b::T_TYPE_ERROR, "can't convert to int"));
        };
        let (base, upper, pfx): (u32, bool, &[u8]) = match f.ty {
            b'x' => (16, false, b"0x"),
            b'X' => (16, true, b"0X"),
            b'o' => (8, false, b"0o"),
            b'b' => (2, false, b"0b"),
            _ => (10, false, b""),
        };
        let mut head = [0u8; 3];
        let mut hn = 0;
        if !big.neg && matches!(f.sign, b'+' | b' ') {
            head[0] = f.sign;
            hn = 1;
        }
        if f.prefix {
            for &c in pfx {
                head[hn] = if upper { c.to_ascii_uppercase() } else { c };
                hn += 1;
            }
        }
        let head = &head[..hn];
        let mut width = f.width;
        let mut prec = f.prec;
        let mut align = f.align;
        let mut fill = f.fill;
        if !matches!(align, b'<' | b'^') && fill == '0' {
            width = width.max(prec);
            prec = 0;
        }
        let after_sign = f.after_sign || prec > 1;
        let text = if after_sign {
            self.int_text(&big, base, upper, f.sep, false, b"")?
        } else {
            self.int_text(&big, base, upper, f.sep, big.neg, head)?
        };
        self.push_root(text);
        let r = (|| {
            #[allow(clippy::cast_possible_wrap)]
            let len = self.str_data(text).map_or(0, <[u8]>::len) as i64;
            let (mut before, mut after) = (0, 0);
            if prec > 1 {
                #[allow(clippy::cast_possible_wrap)]
                let w = len.max(prec) + i64::from(big.neg) + head.len() as i64;
                if w < width {
                    if align == b'<' {
                        after = width - w;
                    } else {
                        before = width - w;
                    }
                }
                fill = '0';
                if align == b'<' {
                    align = b'>';
                }
            }
            self.pad_run(sink, ' ', 0, before, 0)?;
            if after_sign {
                if big.neg {
                    self.sink_write(sink, b"-")?;
                    width -= 1;
                }
                self.sink_write(sink, head)?;
                #[allow(clippy::cast_possible_wrap)]
                {
                    width -= head.len() as i64;
                }
            }
            if prec > 1 {
                width = prec;
            }
            self.print_padded_obj(sink, text, len, align, fill, width, f.sep)?;
            self.pad_run(sink, ' ', 0, after, 0)
        })();
        self.pop_root();
        r
    }

    /// `text` (of `len` characters) padded to `width` (after py/mpprint.c's `mp_print_strn`:
    /// zero padding of a grouped number continues the grouping).
    #[allow(clippy::too_many_arguments)]
    fn print_padded_obj(
        &mut self,
        sink: Sink,
        text: Obj,
        len: i64,
        align: u8,
        fill: char,
        width: i64,
        sep: u8,
    ) -> PyResult<()> {
        let mut pad = width - len;
        let mut width = width;
        let cycle = if fill == '0' && sep != 0 {
            let g = if sep == b'_' { 5 } else { 4 };
            if width % g == 0 {
                pad += 1;
                width += 1;
            }
            g
        } else {
            0
        };
        let phase = if cycle > 0 {
            cycle - 1 - width % cycle
        } else {
            0
        };
        let (left, right) = match align {
            b'^' => (pad / 2, pad - pad / 2),
            b'<' => (0, pad),
            _ => (pad, 0),
        };
        self.pad_run(sink, fill, sep, left, cycle * 8 + phase)?;
        self.sink_write_obj(sink, text)?;
        self.pad_run(sink, fill, sep, right, cycle * 8 + phase)
    }

    /// `n` fill characters; `grouping` = cycle * 8 + phase puts `sep` every `cycle` characters.
    fn pad_run(&mut self, sink: Sink, fill: char, sep: u8, n: i64, grouping: i64) -> PyResult<()> {
        let (cycle, phase) = (grouping / 8, grouping % 8);
        let mut fb = [0u8; 4];
        let fl = fill.encode_utf8(&mut fb).len();
        for j in 0..n.max(0) {
            if cycle > 0 && (phase + j) % cycle == cycle - 1 {
                self.sink_write(sink, &[sep])?;
            } else {
                self.sink_write(sink, &fb[..fl])?;
            }
        }
        Ok(())
    }

    /// Digits of `v` in `base`, grouped by `sep` (3 decimal or 4 other digits), after `head`
    /// and an optional minus sign, as a new str.
    fn int_text(
        &mut self,
        v: &crate::object::bigint::Big,
        base: u32,
        upper: bool,
        sep: u8,
        minus: bool,
        head: &[u8],
    ) -> PyResult<Obj> {
        let group = if base == 10 { 3 } else { 4 };
        let mut t = v.clone();
        t.neg = false;
        let mut nd = 0usize;
        loop {
            t.divmod_small(base);
            nd += 1;
            if t.is_zero() {
                break;
            }
        }
        let nsep = if sep == 0 { 0 } else { (nd - 1) / group };
        let lead = usize::from(minus) + head.len();
        let total = lead + nd + nsep;
        let o = self.new_str_uninit(Kind::Str, total)?;
        #[allow(clippy::cast_possible_truncation)]
        let out = self.heap.bytes_mut(o, 1, total as u32);
        if minus {
            out[0] = b'-';
        }
        out[usize::from(minus)..lead].copy_from_slice(head);
        let mut t = v.clone();
        t.neg = false;
        let mut pos = total;
        for k in 0..nd {
            let d = t.divmod_small(base) as u8;
            if sep != 0 && k > 0 && k % group == 0 {
                pos -= 1;
                out[pos] = sep;
            }
            pos -= 1;
            out[pos] = match d {
                0..=9 => b'0' + d,
                _ if upper => b'A' + d - 10,
                _ => b'a' + d - 10,
            };
        }
        Ok(Obj::heap(o))
    }

    /// Sign/prefix then digits, honouring zero fill and alignment (numbers default right).
    fn write_number(
        &mut self,
        sink: Sink,
        prefix: &[u8],
        digits: &[u8],
        spec: &FormatSpec,
    ) -> PyResult<()> {
        let total = prefix.len() + digits.len();
        let width = spec.width.unwrap_or(0);
        if spec.fill_zero && spec.align == 0 && width > total {
            self.sink_write(sink, prefix)?;
            for _ in 0..width - total {
                self.sink_write(sink, b"0")?;
            }
            return self.sink_write(sink, digits);
        }
        let mut body = NumBuf::new();
        body.extend(prefix);
        body.extend(digits);
        if spec.align == b'=' && width > total {
            self.sink_write(sink, prefix)?;
            let mut fb = [0u8; 4];
            let fl = spec.fill.encode_utf8(&mut fb).len();
            for _ in 0..width - total {
                self.sink_write(sink, &fb[..fl])?;
            }
            return self.sink_write(sink, digits);
        }
        let n = body.len;
        let bytes = body;
        self.write_padded(sink, &bytes.buf[..n], spec, b'>', n)
    }

    /// Format a float per `spec` (types e, f, g, %, n or none = g), as `mp_print_float` does.
    pub(crate) fn format_float(&mut self, sink: Sink, f: f64, spec: &FormatSpec) -> PyResult<()> {
        if !cfg!(feature = "float") {
            return Err(self.no_float());
        }
        let (ty, value) = match spec.ty {
            b'%' => (b'f', f * 100.0),
            0 | b'n' => (b'g', f),
            t => (t, f),
        };
        let prec = spec
            .precision
            .map_or(-1, |p| i32::try_from(p).unwrap_or(i32::MAX));
        let sign = if matches!(spec.sign, b'+' | b' ') {
            spec.sign
        } else {
            0
        };
        let mut text = NumBuf::new();
        crate::object::float_text::format_float(value, ty, prec, sign, &mut text);
        if spec.ty == b'%' {
            text.push(b'%');
        }
        let bytes = text.as_bytes();
        if spec.fill == '0' && spec.sep != 0 {
            // mp_print_float: a sign goes first when padding after it, then mp_print_strn.
            let width = spec
                .width
                .map_or(-1, |w| isize::try_from(w).unwrap_or(isize::MAX));
            let mut buf = NumBuf::new();
            buf.extend(bytes);
            let n = buf.len;
            let mut body = &buf.buf[..n];
            let (mut width, mut align) = (width, spec.align);
            if let Some(&c) = body.first().filter(|&&c| spec.align == b'=' && c < b'0') {
                self.sink_write(sink, &[c])?;
                body = &body[1..];
                width -= 1;
                align = b'>';
            }
            let (left, right, chunk) = grouped_zero_pad(spec.sep, align, width, body.len());
            self.write_pad_run(sink, chunk, left)?;
            self.sink_write(sink, body)?;
            return self.write_pad_run(sink, chunk, right);
        }
        let (prefix, digits) = match bytes.first() {
            Some(b'-' | b'+' | b' ') => bytes.split_at(1),
            _ => bytes.split_at(0),
        };
        self.write_number(sink, prefix, digits, spec)
    }

    /// `str.format(*args, **kwargs)`; `args` come from `a` (self is argument 0).
    pub(crate) fn str_format(&mut self, a: &crate::vm::call::Args) -> PyResult<Obj> {
        let pattern = self.arg(a, 0);
        self.format_pattern(pattern, |vm, fmt| {
            let slot = vm.builder_new()?;
            let r = vm.str_format_into(Sink::Buf(slot), fmt, a);
            let s = vm.builder_finish(slot);
            r.map(|()| s)
        })
    }

    fn str_format_into(&mut self, sink: Sink, fmt: Obj, a: &crate::vm::call::Args) -> PyResult<()> {
        let len = self.str_data(fmt).map_or(0, <[u8]>::len);
        let byte = |vm: &Vm<'a>, i: usize| vm.str_data(fmt).and_then(|d| d.get(i).copied());
        let mut i = 0;
        let mut auto_idx = 0u32;
        while i < len {
            let c = byte(self, i).unwrap_or(0);
            if c == b'{' && byte(self, i + 1) == Some(b'{') {
                self.sink_write(sink, b"{")?;
                i += 2;
                continue;
            }
            if c == b'}' {
                if byte(self, i + 1) == Some(b'}') {
                    self.sink_write(sink, b"}")?;
                    i += 2;
                    continue;
                }
                return Err(
                    self.raise_msg_str(b::T_VALUE_ERROR, "single '}' encountered in format string")
                );
            }
            if c != b'{' {
                // Literal text, in small chunks (this frame may sit under `__format__` and
                // `__str__` calls, so it keeps no big buffers).
                let mut chunk = [0u8; 48];
                let mut n = 0;
                while i < len && n < chunk.len() {
                    let c = byte(self, i).unwrap_or(0);
                    if c == b'{' || c == b'}' {
                        break;
                    }
                    chunk[n] = c;
                    n += 1;
                    i += 1;
                }
                self.sink_write(sink, chunk.get(..n).unwrap_or(&[]))?;
                continue;
            }
            // Field: {name!conv:spec}
            i += 1;
            let field_start = i;
            let mut depth = 0;
            while i < len {
                match byte(self, i) {
                    Some(b'{') => depth += 1,
                    Some(b'}') if depth == 0 => break,
                    Some(b'}') => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if i >= len {
                return Err(self.raise_msg_str(b::T_VALUE_ERROR, "unmatched '{' in format"));
            }
            let field_end = i;
            i += 1;
            // Split field into name, conversion, spec.
            let mut name_end = field_end;
            let mut conv = 0u8;
            let mut spec_start = field_end;
            let mut k = field_start;
            while k < field_end {
                match byte(self, k) {
                    Some(b'!') if name_end == field_end => {
                        name_end = k;
                        conv = byte(self, k + 1).unwrap_or(0);
                        if !matches!(conv, b'r' | b's') {
                            return Err(self.raise_parts(
                                b::T_VALUE_ERROR,
                                &[&"unknown conversion specifier ", &(conv as char)],
                            ));
                        }
                        if k + 2 < field_end && byte(self, k + 2) != Some(b':') {
                            return Err(self.raise_msg_str(
                                b::T_VALUE_ERROR,
                                "expected ':' after format specifier",
                            ));
                        }
                    }
                    Some(b':') => {
                        if name_end == field_end {
                            name_end = k;
                        }
                        spec_start = k + 1;
                        break;
                    }
                    _ => {}
                }
                k += 1;
            }
            // Resolve the argument.
            let mut value =
                self.format_field_value(fmt, field_start, name_end, a, &mut auto_idx)?;
            let base = self.roots_len();
            self.push_root(value);
            if conv == b'r' || conv == b's' {
                value = self.obj_str(value, conv == b'r')?;
                self.push_root(value);
            }
            // The spec may itself contain {} fields (nested).
            let mut spec_text = SpecText {
                buf: [0; 64],
                len: 0,
                overflow: false,
            };
            let mut p = spec_start;
            while p < field_end {
                let c = byte(self, p).unwrap_or(0);
                if c == b'{' {
                    let e = (p..field_end)
                        .find(|&q| byte(self, q) == Some(b'}'))
                        .unwrap_or(field_end);
                    self.nested_spec_field(fmt, p + 1, e, a, &mut auto_idx, &mut spec_text)?;
                    p = e + 1;
                } else {
                    spec_text.push(c);
                    p += 1;
                }
            }
            let r = self.format_value(sink, value, spec_text.as_bytes());
            self.truncate_roots(base);
            r?;
        }
        Ok(())
    }

    /// The argument a replacement field names (`{}`, `{0}`, `{name}`), rooted by the caller.
    #[inline(never)]
    fn format_field_value(
        &mut self,
        fmt: Obj,
        start: usize,
        end: usize,
        a: &crate::vm::call::Args,
        auto_idx: &mut u32,
    ) -> PyResult<Obj> {
        let mut name = NumBuf::new();
        name.extend(
            self.str_data(fmt)
                .and_then(|d| d.get(start..end))
                .unwrap_or(&[]),
        );
        let (head, rest) = split_field_name(name.as_bytes());
        let v = self.format_field_head(head, a, auto_idx)?;
        // The argument is looked up first (objstr.c), then `.attr` / `[i]` refused.
        if !rest.is_empty() {
            return Err(self.raise_msg_str(b::T_NOT_IMPLEMENTED_ERROR, "attributes not supported"));
        }
        Ok(v)
    }

    /// The argument a replacement field's name (before any `.attr` / `[i]`) selects.
    fn format_field_head(
        &mut self,
        head: &[u8],
        a: &crate::vm::call::Args,
        auto_idx: &mut u32,
    ) -> PyResult<Obj> {
        if head.is_empty() {
            if *auto_idx == MANUAL_FIELDS {
                return Err(self.raise_msg_str(
                    b::T_VALUE_ERROR,
                    "can't switch from manual field specification to automatic field numbering",
                ));
            }
            let v = self.arg_pos(a, *auto_idx + 1);
            *auto_idx += 1;
            return match v {
                Some(v) => Ok(v),
                None => Err(self.raise_msg_str(b::T_INDEX_ERROR, "tuple index out of range")),
            };
        }
        if head.first().is_some_and(u8::is_ascii_digit) {
            if *auto_idx != 0 && *auto_idx != MANUAL_FIELDS {
                return Err(self.raise_msg_str(
                    b::T_VALUE_ERROR,
                    "can't switch from automatic field numbering to manual field specification",
                ));
            }
            *auto_idx = MANUAL_FIELDS;
            let n: u32 = core::str::from_utf8(head)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(u32::MAX);
            return match self.arg_pos(a, n.saturating_add(1)) {
                Some(v) => Ok(v),
                None => Err(self.raise_msg_str(b::T_INDEX_ERROR, "tuple index out of range")),
            };
        }
        match self.arg_kw(a, head) {
            Some(v) => Ok(v),
            None => {
                let key = self.new_str_bytes(head)?;
                Err(self.raise_key_error(key))
            }
        }
    }

    /// A `{name}` nested in a format spec: the argument's `str()` appended to `spec`.
    #[inline(never)]
    fn nested_spec_field(
        &mut self,
        fmt: Obj,
        start: usize,
        end: usize,
        a: &crate::vm::call::Args,
        auto_idx: &mut u32,
        spec: &mut SpecText,
    ) -> PyResult<()> {
        let v = self.format_field_value(fmt, start, end, a, auto_idx)?;
        let s = self.obj_str(v, false)?;
        for &c in self.str_data(s).unwrap_or(&[]) {
            spec.push(c);
        }
        Ok(())
    }

    /// One replacement field's `value` formatted by `spec_text` (the tail of
    /// py/objstr.c `mp_obj_str_format_helper`): `__format__` is not consulted; an int
    /// (or bool) or a float is formatted as a number, a `str` or `bytes` as text, and
    /// anything else raises (a conversion `!s`/`!r` or an empty spec made it a `str`).
    pub(crate) fn format_value(
        &mut self,
        sink: Sink,
        value: Obj,
        spec_text: &[u8],
    ) -> PyResult<()> {
        let Some(spec) = parse_spec(spec_text) else {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "invalid format specifier"));
        };
        if spec_text.is_empty() {
            let s = self.obj_str(value, false)?;
            self.push_root(s);
            let r = self.sink_write_obj(sink, s);
            self.pop_root();
            return r;
        }
        if matches!(spec.sign, b'+' | b' ') {
            if spec.ty == b's' {
                return Err(self.raise_msg_str(
                    b::T_VALUE_ERROR,
                    "sign not allowed in string format specifier",
                ));
            }
            if spec.ty == b'c' {
                return Err(self.raise_msg_str(
                    b::T_VALUE_ERROR,
                    "sign not allowed with integer format specifier 'c'",
                ));
            }
        }
        let is_int = value.as_small().is_some()
            || value == Obj::TRUE
            || value == Obj::FALSE
            || self.is_kind(value, Kind::BigInt);
        if !is_int && !self.is_kind(value, Kind::Float) {
            return self.format_text(sink, value, spec_text, &spec);
        }
        if is_int {
            return match spec.ty {
                0 | b'd' | b'x' | b'X' | b'o' | b'b' | b'n' => self.format_int(sink, value, &spec),
                b'c' => {
                    // One character, right-aligned like a number ('=' too), no precision.
                    let s = self.format_char(value)?;
                    let mut spec = spec;
                    spec.precision = None;
                    if spec.align == b'=' {
                        spec.align = b'>';
                    }
                    self.push_root(s);
                    let r = self.format_str_padded(sink, s, &spec, b'>');
                    self.pop_root();
                    r
                }
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%' => {
                    let v = self.float_of(value).unwrap_or(0.0);
                    self.format_float(sink, v, &spec)
                }
                _ => Err(self.unknown_format_code(spec.ty, value)),
            };
        }
        if let Some(f) = self.float_value(value) {
            return match spec.ty {
                0 | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'%' | b'n' => {
                    let mut s2 = spec;
                    if s2.ty == b'n' {
                        s2.ty = b'g';
                    }
                    if s2.ty != 0 && s2.precision.is_none() {
                        s2.precision = Some(6);
                    }
                    self.format_float(sink, f, &s2)
                }
                _ => Err(self.raise_parts(
                    b::T_VALUE_ERROR,
                    &[
                        &"unknown format code '",
                        &(spec.ty as char),
                        &"' for object of type 'float'",
                    ],
                )),
            };
        }
        let s = self.obj_str(value, false)?;
        self.push_root(s);
        let r = self.format_str_padded(sink, s, &spec, b'<');
        self.pop_root();
        r
    }

    /// ValueError "unknown format code 'c' for object of type 'T'".
    fn unknown_format_code(&mut self, code: u8, value: Obj) -> crate::vm::Raised {
        let t = self.type_name(value);
        self.raise_parts(
            b::T_VALUE_ERROR,
            &[
                &"unknown format code '",
                &(code as char),
                &"' for object of type '",
                &t,
                &"'",
            ],
        )
    }

    /// A non-numeric value under a non-empty spec: only `str` and `bytes` print.
    #[inline(never)]
    fn format_text(
        &mut self,
        sink: Sink,
        value: Obj,
        spec_text: &[u8],
        spec: &FormatSpec,
    ) -> PyResult<()> {
        if explicit_align(spec_text) == Some('=') {
            return Err(self.raise_msg_str(
                b::T_VALUE_ERROR,
                "'=' alignment not allowed in string format specifier",
            ));
        }
        if !matches!(spec.ty, 0 | b's') {
            return Err(self.unknown_format_code(spec.ty, value));
        }
        let s = if self.str_data(value).is_some() {
            value
        } else if let Some(n) = self
            .bytes_data(value)
            .filter(|_| self.type_of(value) == b::type_obj(b::T_BYTES))
            .map(<[u8]>::len)
        {
            self.substr_as_str(value, n)?
        } else {
            return Err(self.bad_implicit_conversion(value));
        };
        self.push_root(s);
        let r = self.format_str_padded(sink, s, spec, b'<');
        self.pop_root();
        r
    }
}

trait ToOwnedArray {
    fn to_owned_array(&self) -> Small4;
}

/// A tiny owned byte string (a fill character).
pub(crate) struct Small4 {
    b: [u8; 4],
    n: usize,
}

impl Small4 {
    fn as_slice(&self) -> &[u8] {
        &self.b[..self.n]
    }
}

impl ToOwnedArray for [u8] {
    fn to_owned_array(&self) -> Small4 {
        let mut b = [0u8; 4];
        let n = self.len().min(4);
        b[..n].copy_from_slice(&self[..n]);
        Small4 { b, n }
    }
}

/// How [`Vm::print_int`] lays out an integer (`mp_print_mp_int`'s flags).
pub(crate) struct IntFmt {
    /// `d` (or anything else: decimal), `x`, `X`, `o`, `b`.
    pub ty: u8,
    /// `+` or space to show on non-negative numbers, else 0.
    pub sign: u8,
    /// Show the base prefix (`0x`, `0o`, `0b`).
    pub prefix: bool,
    /// `<` left, `^` centre, else right.
    pub align: u8,
    /// Padding goes between the sign/prefix and the digits.
    pub after_sign: bool,
    /// Digit grouping character (`,` or `_`), or 0.
    pub sep: u8,
    pub fill: char,
    pub width: i64,
    /// Minimum digits (`%.4d`), or 0.
    pub prec: i64,
}

/// `auto_idx` once a field was numbered by hand (`{0}`): automatic `{}` may not follow.
const MANUAL_FIELDS: u32 = u32::MAX;

/// The alignment character a spec names explicitly (first or second character).
fn explicit_align(spec: &[u8]) -> Option<char> {
    let text = core::str::from_utf8(spec).ok()?;
    let mut it = text.chars();
    let is_align = |c: &char| matches!(c, '<' | '>' | '^' | '=');
    let c0 = it.next()?;
    it.next().filter(is_align).or(Some(c0).filter(is_align))
}

/// `{name.attr[key]}` → (`name`, `.attr[key]`).
fn split_field_name(s: &[u8]) -> (&[u8], &[u8]) {
    let e = s
        .iter()
        .position(|&c| c == b'.' || c == b'[')
        .unwrap_or(s.len());
    (&s[..e], &s[e..])
}

/// A parsed format spec `[[fill]align][sign][#][0][width][,][.precision][type]`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FormatSpec {
    pub fill: char,
    pub align: u8,
    pub sign: u8,
    pub alt: bool,
    pub fill_zero: bool,
    pub width: Option<usize>,
    /// Digit grouping character (`,` or `_`), or 0.
    pub sep: u8,
    pub precision: Option<usize>,
    pub ty: u8,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: 0,
            sign: 0,
            alt: false,
            fill_zero: false,
            width: None,
            sep: 0,
            precision: None,
            ty: 0,
        }
    }
}

pub(crate) fn parse_spec(s: &[u8]) -> Option<FormatSpec> {
    let mut spec = FormatSpec::default();
    let text = core::str::from_utf8(s).ok()?;
    let chars: [Option<char>; 2] = {
        let mut it = text.chars();
        [it.next(), it.next()]
    };
    let mut i = 0;
    let mut explicit_fill = false;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if let (Some(c0), Some(c1)) = (chars[0], chars[1]) {
        if is_align(c1) {
            explicit_fill = true;
            spec.fill = c0;
            spec.align = c1 as u8;
            i = c0.len_utf8() + 1;
        } else if is_align(c0) {
            spec.align = c0 as u8;
            i = 1;
        }
    } else if let Some(c0) = chars[0] {
        if is_align(c0) {
            spec.align = c0 as u8;
            i = 1;
        }
    }
    let b = text.as_bytes();
    if let Some(&c) = b.get(i) {
        if c == b'+' || c == b'-' || c == b' ' {
            spec.sign = c;
            i += 1;
        }
    }
    if b.get(i) == Some(&b'#') {
        spec.alt = true;
        i += 1;
    }
    if b.get(i) == Some(&b'0') {
        spec.fill_zero = true;
        if spec.align == 0 {
            spec.align = b'=';
        }
        if !explicit_fill {
            spec.fill = '0';
        }
        i += 1;
    }
    // The '0' flag is also the first digit of the width (objstr.c parses it twice).
    let mut w = spec.fill_zero.then_some(0);
    while let Some(&c @ b'0'..=b'9') = b.get(i) {
        w = Some(w.unwrap_or(0usize).checked_mul(10)? + usize::from(c - b'0'));
        i += 1;
    }
    spec.width = w;
    if let Some(&c @ (b',' | b'_')) = b.get(i) {
        spec.sep = c;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        let mut p = 0usize;
        let mut any = false;
        while let Some(&c @ b'0'..=b'9') = b.get(i) {
            p = p.checked_mul(10)? + usize::from(c - b'0');
            i += 1;
            any = true;
        }
        if !any {
            return None;
        }
        spec.precision = Some(p);
    }
    // Only a type character MicroPython knows ends the spec ("{:q}" is an invalid spec).
    if let Some(&c) = b.get(i).filter(|c| b"bcdeEfFgGnosxX%".contains(c)) {
        spec.ty = c;
        i += 1;
    }
    if i != b.len() {
        return None;
    }
    Some(spec)
}

/// The text of one format spec (specs are short; a longer one is rejected as invalid).
struct SpecText {
    buf: [u8; 64],
    len: usize,
    overflow: bool,
}

impl SpecText {
    fn push(&mut self, c: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = c;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    fn as_bytes(&self) -> &[u8] {
        if self.overflow {
            // Not UTF-8: `parse_spec` rejects it ("invalid format specifier").
            return b"\xff";
        }
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// `mp_print_strn` (py/mpprint.c) padding with fill '0' and a grouping character `sep`, for
/// a body of `len` bytes in a field of `width`: (left run, right run, pattern). The pattern
/// is "0000_" / "000," from a width-dependent phase, and one extra zero is added when the
/// width is a multiple of its length.
fn grouped_zero_pad(sep: u8, align: u8, width: isize, len: usize) -> (isize, isize, &'static [u8]) {
    const COMMON: &[u8; 23] = b"0000000000000000_000,00";
    let (base, size) = if sep == b'_' { (12, 5) } else { (17, 4) };
    let mut pad = width - isize::try_from(len).unwrap_or(isize::MAX);
    let mut width = width;
    if width % size == 0 {
        pad += 1;
        width += 1;
    }
    let start = usize::try_from(base + size - 1 - width.rem_euclid(size)).unwrap_or(0);
    #[allow(clippy::cast_sign_loss)]
    let chunk = COMMON.get(start..start + size as usize).unwrap_or(b"0");
    let (left, right) = match align {
        b'<' => (0, pad),
        b'^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    (left, right, chunk)
}
