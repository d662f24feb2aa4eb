//! The `json` module (after extmod/modjson.c): `dumps` / `dump` print an object the way
//! MicroPython's PRINT_JSON does (None, bools, str, list, tuple and dict in JSON form, a
//! dict's non-str keys quoted, anything else by its repr), with optional `separators`;
//! `loads` / `load` parse with modjson.c's one-pass parser (commas and colons count as
//! whitespace, brackets need not pair up).

use super::*;
use crate::object::print::Sink;

/// The `separators=(item, key)` keyword (None: `", "` and `": "`); no other keyword.
fn separators(vm: &mut Vm<'_>, a: &Args) -> PyResult<Option<(Obj, Obj)>> {
    for i in 0..a.n_kw {
        let (k, _) = vm.kw_pair(a, i);
        if vm.str_data(k) != Some(b"separators") {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "unexpected keyword argument"));
        }
    }
    let Some(seps) = vm.arg_kw(a, b"separators").filter(|s| *s != Obj::NONE) else {
        return Ok(None);
    };
    let parts = vm.seq_parts_or_raise(seps)?;
    if parts.2 != 2 {
        return Err(vm.raise_parts(
            T_VALUE_ERROR,
            &[&"requested length 2 but object has length ", &parts.2],
        ));
    }
    let (item, key) = (vm.seq_get(parts, 0), vm.seq_get(parts, 1));
    for s in [item, key] {
        if vm.str_data(s).is_none() {
            return Err(vm.bad_implicit_conversion(s));
        }
    }
    Ok(Some((item, key)))
}

/// Write separator `which` (0: item, 1: key).
fn write_sep(vm: &mut Vm<'_>, sink: Sink, seps: Option<(Obj, Obj)>, which: u8) -> PyResult<()> {
    match (seps, which) {
        (Some((item, _)), 0) => vm.sink_write_obj(sink, item),
        (Some((_, key)), _) => vm.sink_write_obj(sink, key),
        (None, 0) => vm.sink_write(sink, b", "),
        (None, _) => vm.sink_write(sink, b": "),
    }
}

/// A str or bytes as a JSON string (objstr.c's mp_str_print_json).
fn write_json_str(vm: &mut Vm<'_>, sink: Sink, s: Obj) -> PyResult<()> {
    vm.sink_write(sink, b"\"")?;
    let len = vm.str_or_bytes(s).map_or(0, |(d, _)| d.len());
    let mut i = 0;
    while i < len {
        // Copy a run of bytes needing no escape, then one escape.
        let mut chunk = [0u8; 64];
        let mut n = 0;
        let mut esc: &[u8] = &[];
        let mut hex = [b'\\', b'u', b'0', b'0', 0, 0];
        while i < len && n < chunk.len() {
            let c = vm
                .str_or_bytes(s)
                .and_then(|(d, _)| d.get(i).copied())
                .unwrap_or(0);
            i += 1;
            match c {
                b'"' => esc = b"\\\"",
                b'\\' => esc = b"\\\\",
                b'\n' => esc = b"\\n",
                b'\r' => esc = b"\\r",
                b'\t' => esc = b"\\t",
                0..=31 => {
                    let digit = |v: u8| if v < 10 { b'0' + v } else { b'a' + v - 10 };
                    hex[4] = digit(c >> 4);
                    hex[5] = digit(c & 15);
                    esc = &hex;
                }
                _ => {
                    chunk[n] = c;
                    n += 1;
                    continue;
                }
            }
            break;
        }
        vm.sink_write(sink, &chunk[..n])?;
        vm.sink_write(sink, esc)?;
    }
    vm.sink_write(sink, b"\"")
}

/// Print `o` in JSON form.
fn write_json(vm: &mut Vm<'_>, sink: Sink, o: Obj, seps: Option<(Obj, Obj)>) -> PyResult<()> {
    match o {
        Obj::NONE => return vm.sink_write(sink, b"null"),
        Obj::TRUE => return vm.sink_write(sink, b"true"),
        Obj::FALSE => return vm.sink_write(sink, b"false"),
        _ => {}
    }
    if vm.str_get_data(o).is_some() {
        return write_json_str(vm, sink, o);
    }
    let is_dict = vm.is_kind(o, Kind::Dict);
    if !is_dict && vm.seq_parts(o).is_none() {
        return vm.print_obj(sink, o, true);
    }
    vm.enter_native()?;
    vm.push_root(o);
    let r = (|| {
        if is_dict {
            vm.sink_write(sink, b"{")?;
            let mut first = true;
            let mut i = 0;
            while i < vm.dict_alloc(o) {
                if let Some((k, v)) = vm.dict_slot(o, i) {
                    if !first {
                        write_sep(vm, sink, seps, 0)?;
                    }
                    first = false;
                    let quote = vm.str_get_data(k).is_none();
                    if quote {
                        vm.sink_write(sink, b"\"")?;
                    }
                    write_json(vm, sink, k, seps)?;
                    if quote {
                        vm.sink_write(sink, b"\"")?;
                    }
                    write_sep(vm, sink, seps, 1)?;
                    write_json(vm, sink, v, seps)?;
                }
                i += 1;
            }
            return vm.sink_write(sink, b"}");
        }
        vm.sink_write(sink, b"[")?;
        let mut i = 0;
        while let Some(item) = vm
            .seq_parts(o)
            .map(|p| vm.seq_get(p, i))
            .filter(|x| !x.is_null())
        {
            if i > 0 {
                write_sep(vm, sink, seps, 0)?;
            }
            write_json(vm, sink, item, seps)?;
            i += 1;
        }
        vm.sink_write(sink, b"]")
    })();
    vm.pop_root();
    vm.leave_native();
    r
}

/// `json.dumps(obj, *, separators=None)`.
pub(super) fn json_dumps(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_pos(vm, a, 1, 1)?;
    let seps = separators(vm, a)?;
    let slot = vm.builder_new()?;
    let r = write_json(vm, Sink::Buf(slot), vm.arg(a, 0), seps);
    let s = vm.builder_finish(slot);
    r.map(|()| s)
}

/// `json.dump(obj, stream, *, separators=None)`.
pub(super) fn json_dump(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_pos(vm, a, 2, 2)?;
    let seps = separators(vm, a)?;
    let o = vm.arg(a, 0);
    vm.with_stream_sink(Some(vm.arg(a, 1)), |vm, sink| write_json(vm, sink, o, seps))?;
    Ok(Obj::NONE)
}

/// `json.load(stream)`: parse everything `stream.read()` gives.
pub(super) fn json_load(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_n(vm, a, 1, 1)?;
    let stream = vm.arg(a, 0);
    #[cfg(feature = "io")]
    let text = if vm.is_iobase(stream) {
        vm.iobase_read_all(stream)?
    } else {
        vm.call_method_by_name(stream, b"read", &[])?
    };
    #[cfg(not(feature = "io"))]
    let text = vm.call_method_by_name(stream, b"read", &[])?;
    vm.push_root(text);
    let r = parse(vm, text);
    vm.pop_root();
    r
}

/// `json.loads(str_or_buffer)`.
pub(super) fn json_loads(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_n(vm, a, 1, 1)?;
    let src = vm.arg(a, 0);
    if input(vm, src).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    parse(vm, src)
}

fn input<'v>(vm: &'v Vm<'_>, src: Obj) -> Option<&'v [u8]> {
    match vm.str_or_bytes(src) {
        Some((d, _)) => Some(d),
        None => vm.buffer_data(src).map(|(d, _)| d),
    }
}

/// The input reader: the current byte (0 at the end, as NUL is not valid JSON).
struct Reader {
    src: Obj,
    pos: usize,
    cur: u8,
}

impl Reader {
    fn next(&mut self, vm: &Vm<'_>) -> u8 {
        self.cur = input(vm, self.src)
            .and_then(|d| d.get(self.pos).copied())
            .unwrap_or(0);
        self.pos += 1;
        self.cur
    }

    /// The next bytes are `word` (the first one already current).
    fn expect(&mut self, vm: &Vm<'_>, word: &[u8]) -> bool {
        for (k, &c) in word.iter().enumerate() {
            let got = if k == 0 { self.cur } else { self.next(vm) };
            if got != c {
                return false;
            }
        }
        self.next(vm);
        true
    }
}

fn syntax_error(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg_str(T_VALUE_ERROR, "syntax error in JSON")
}

/// modjson.c's parser: roots 0 (stack), 1 (top) and 2 (pending dict key) hold the state.
fn parse(vm: &mut Vm<'_>, src: Obj) -> PyResult<Obj> {
    let base = vm.roots_len();
    vm.push_root(src);
    let r = (|| {
        let stack = vm.new_list(0, 0)?;
        vm.push_root(stack);
        let top_slot = vm.roots_len();
        vm.push_root(Obj::NULL);
        vm.push_root(Obj::NULL);
        let key_slot = top_slot + 1;
        let mut rd = Reader {
            src,
            pos: 0,
            cur: 0,
        };
        rd.next(vm);
        loop {
            if rd.cur == 0 {
                return Err(syntax_error(vm));
            }
            let cur = rd.cur;
            rd.next(vm);
            let mut enter = false;
            let next = match cur {
                b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' => continue,
                b'n' if rd.expect(vm, b"ull") => Obj::NONE,
                b'f' if rd.expect(vm, b"alse") => Obj::FALSE,
                b't' if rd.expect(vm, b"rue") => Obj::TRUE,
                b'"' => parse_str(vm, &mut rd)?,
                b'-' | b'0'..=b'9' => parse_num(vm, &mut rd, cur)?,
                b'[' => {
                    enter = true;
                    vm.new_list(0, 0)?
                }
                b'{' => {
                    enter = true;
                    vm.new_dict(0)?
                }
                b'}' | b']' => {
                    if vm.root(top_slot).is_null() {
                        return Err(syntax_error(vm));
                    }
                    let depth = vm.heap.get(stack.bits(), 0);
                    if depth == 0 {
                        break;
                    }
                    let outer = vm
                        .seq_parts(stack)
                        .map_or(Obj::NULL, |p| vm.seq_get(p, depth - 1));
                    vm.heap.set(stack.bits(), 0, depth - 1);
                    vm.set_root(top_slot, outer);
                    continue;
                }
                _ => return Err(syntax_error(vm)),
            };
            let top = vm.root(top_slot);
            if top.is_null() {
                vm.set_root(top_slot, next);
                if !enter {
                    break;
                }
                continue;
            }
            // (An error leaves extra roots: the caller truncates them.)
            vm.push_root(next);
            if vm.is_kind(top, Kind::List) {
                vm.list_append(top, next)?;
            } else if vm.root(key_slot).is_null() {
                if enter {
                    return Err(syntax_error(vm));
                }
                vm.set_root(key_slot, next);
            } else {
                let key = vm.root(key_slot);
                vm.dict_store(top, key, next)?;
                vm.set_root(key_slot, Obj::NULL);
            }
            if enter {
                vm.list_append(stack, top)?;
                vm.set_root(top_slot, next);
            }
            vm.pop_root();
        }
        while matches!(rd.cur, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            rd.next(vm);
        }
        let top = vm.root(top_slot);
        if rd.cur != 0 || top.is_null() || vm.heap.get(stack.bits(), 0) != 0 {
            return Err(syntax_error(vm));
        }
        Ok(top)
    })();
    vm.truncate_roots(base);
    r
}

/// A string after its opening quote, up to and past the closing one.
fn parse_str(vm: &mut Vm<'_>, rd: &mut Reader) -> PyResult<Obj> {
    let slot = vm.builder_new()?;
    let r = (|| {
        while rd.cur != 0 && rd.cur != b'"' {
            let mut c = rd.cur;
            if c == b'\\' {
                c = rd.next(vm);
                match c {
                    b'b' => c = 0x08,
                    b'f' => c = 0x0c,
                    b'n' => c = 0x0a,
                    b'r' => c = 0x0d,
                    b't' => c = 0x09,
                    b'u' => {
                        // Four hex digits, taken as modjson.c does (no validation).
                        let mut num = 0u32;
                        for _ in 0..4 {
                            let mut d = (rd.next(vm) | 0x20).wrapping_sub(b'0');
                            if d > 9 {
                                d = d.wrapping_sub(b'a' - (b'9' + 1));
                            }
                            num = (num << 4) | u32::from(d);
                        }
                        let (bytes, n) = utf8_encode(num);
                        vm.sink_write(Sink::Buf(slot), &bytes[..n])?;
                        rd.next(vm);
                        continue;
                    }
                    _ => {}
                }
            }
            vm.sink_write(Sink::Buf(slot), &[c])?;
            rd.next(vm);
        }
        Ok(())
    })();
    let s = vm.builder_finish(slot);
    r?;
    if rd.cur == 0 {
        return Err(syntax_error(vm));
    }
    rd.next(vm);
    Ok(s)
}

/// A number starting with `first`: an int, or a float if it has `.`, `e` or `E`.
fn parse_num(vm: &mut Vm<'_>, rd: &mut Reader, first: u8) -> PyResult<Obj> {
    let slot = vm.builder_new()?;
    let mut is_float = false;
    let mut c = first;
    let r = (|| loop {
        vm.sink_write(Sink::Buf(slot), &[c])?;
        c = rd.cur;
        match c {
            b'.' | b'e' | b'E' => is_float = true,
            b'+' | b'-' | b'0'..=b'9' => {}
            _ => return Ok(()),
        }
        rd.next(vm);
    })();
    let text = vm.builder_finish(slot);
    r?;
    vm.push_root(text);
    let t = if is_float { T_FLOAT } else { T_INT };
    let r = vm.call_obj(type_obj(t), &[text]);
    vm.pop_root();
    r
}
