//! Methods of built-in types: str, bytes, list, tuple, dict, set, int, generator, property
//! (after py/objstr.c, py/objlist.c, py/objdict.c, py/objset.c, py/objgenerator.c).

use super::funcs::{check_n, check_pos};
#[cfg(feature = "collections")]
use super::modcollections::{
    deque_append, deque_appendleft, deque_extend, deque_pop, deque_popleft,
};
#[cfg(feature = "hashlib")]
use super::modhashlib::{sha256_digest, sha256_update};
#[cfg(feature = "io")]
use super::modio::{
    io_close, io_enter, io_flush, io_getvalue, io_next, io_read, io_readinto, io_readline, io_seek,
    io_tell, io_write,
};
#[cfg(feature = "re")]
use super::modre::{match_group, re_match, re_search, re_split, re_sub};
#[cfg(feature = "select")]
use super::modselect::{
    poll_ipoll, poll_iter, poll_modify, poll_next, poll_poll, poll_register, poll_unregister,
};
#[cfg(feature = "weakref")]
use super::modweakref::{finalize_detach, finalize_peek};
#[cfg(feature = "input")]
use super::stdin::{stdin_read, stdin_readline, stdin_readlines};
use super::*;
use crate::native::EPERM;
use crate::object::iter::{IT_DICT_ITEMS, IT_DICT_KEYS, IT_DICT_VALUES, VIEW};
use crate::object::print::{NumBuf, Sink};
use crate::object::str::{char_count, find, rfind};
use crate::vm::dispatch::ExecResult;

/// A built-in method.
pub(crate) struct Method {
    /// The type's id (a `u8`, so that a row takes 16 bytes of flash; see [`Method::ty`]).
    type_id: u8,
    /// Bound to the type when looked up on the type (`dict.fromkeys`).
    pub class_method: bool,
    pub name: &'static str,
    pub func: for<'x> fn(&mut Vm<'x>, &Args) -> PyResult<Obj>,
}

impl Method {
    /// The built-in type the method belongs to.
    pub(crate) fn ty(&self) -> u32 {
        u32::from(self.type_id)
    }
}

macro_rules! methods {
    ($($(#[$cfg:meta])? $ty:ident . $name:literal => $f:ident $(, $cm:tt)?;)*) => {
        pub(crate) static METHODS: &[Method] = &[
            $($(#[$cfg])? Method {
                #[allow(clippy::cast_possible_truncation)]
                type_id: $ty as u8,
                class_method: methods!(@cm $($cm)?),
                name: $name,
                func: $f,
            },)*
        ];
    };
    (@cm) => { false };
    (@cm class) => { true };
}

methods! {
    T_STR."join" => str_join;
    T_STR."split" => str_split;
    T_STR."rsplit" => str_rsplit;
    T_STR."strip" => str_strip;
    T_STR."lstrip" => str_lstrip;
    T_STR."rstrip" => str_rstrip;
    T_STR."upper" => str_upper;
    T_STR."lower" => str_lower;
    T_STR."startswith" => str_startswith;
    T_STR."endswith" => str_endswith;
    T_STR."find" => str_find;
    T_STR."rfind" => str_rfind;
    T_STR."index" => str_index;
    T_STR."rindex" => str_rindex;
    T_STR."count" => str_count;
    T_STR."replace" => str_replace;
    T_STR."format" => str_format;
    T_STR."isdigit" => str_isdigit;
    T_STR."isalpha" => str_isalpha;
    T_STR."isspace" => str_isspace;
    T_STR."isupper" => str_isupper;
    T_STR."islower" => str_islower;
    T_STR."encode" => str_encode;
    T_STR."center" => str_center;
    T_STR."partition" => str_partition;
    T_STR."rpartition" => str_rpartition;
    T_STR."splitlines" => str_splitlines;
    T_BYTES."decode" => bytes_decode;
    T_BYTES."hex" => bytes_hex;
    T_BYTES."fromhex" => bytes_fromhex, class;
    #[cfg(feature = "array")] T_MEMORYVIEW."hex" => bytes_hex;
    T_BYTES."startswith" => str_startswith;
    T_BYTES."endswith" => str_endswith;
    T_BYTES."find" => str_find;
    T_BYTES."count" => str_count;
    T_BYTES."replace" => str_replace;
    T_BYTES."split" => str_split;
    T_BYTES."strip" => str_strip;
    T_BYTES."join" => str_join;
    T_BYTES."upper" => str_upper;
    T_BYTES."lower" => str_lower;
    T_BYTEARRAY."decode" => bytes_decode;
    T_BYTEARRAY."append" => bytearray_append;
    #[cfg(feature = "array")] T_ARRAY."append" => array_append;
    #[cfg(feature = "array")] T_ARRAY."extend" => array_extend;
    T_BYTEARRAY."extend" => bytearray_extend;
    #[cfg(feature = "hashlib")] T_SHA256."update" => sha256_update;
    #[cfg(feature = "hashlib")] T_SHA256."digest" => sha256_digest;
    T_LIST."append" => list_append;
    T_LIST."extend" => list_extend;
    T_LIST."pop" => list_pop;
    T_LIST."insert" => list_insert;
    T_LIST."remove" => list_remove;
    T_LIST."index" => seq_index;
    T_LIST."count" => seq_count;
    T_LIST."sort" => list_sort;
    T_LIST."reverse" => list_reverse;
    T_LIST."clear" => list_clear;
    T_LIST."copy" => list_copy;
    T_TUPLE."index" => seq_index;
    T_TUPLE."count" => seq_count;
    T_DICT."keys" => dict_keys;
    T_DICT."values" => dict_values;
    T_DICT."items" => dict_items;
    T_DICT."get" => dict_get;
    T_DICT."pop" => dict_pop;
    T_DICT."popitem" => dict_popitem;
    T_DICT."setdefault" => dict_setdefault;
    T_DICT."update" => dict_update;
    T_DICT."clear" => dict_clear;
    T_DICT."copy" => dict_copy;
    T_DICT."fromkeys" => dict_fromkeys, class;
    T_DICT."__getitem__" => dict_dunder_getitem;
    T_DICT."__setitem__" => dict_dunder_setitem;
    T_DICT."__delitem__" => dict_dunder_delitem;
    T_SET."__contains__" => set_dunder_contains;
    T_FROZENSET."__contains__" => set_dunder_contains;
    T_SET."add" => set_add;
    T_SET."remove" => set_remove;
    T_SET."discard" => set_discard;
    T_SET."pop" => set_pop;
    T_SET."clear" => set_clear;
    T_SET."copy" => set_copy;
    T_SET."update" => set_update;
    T_SET."union" => set_union;
    T_SET."intersection" => set_intersection;
    T_SET."difference" => set_difference;
    T_SET."symmetric_difference" => set_symmetric_difference;
    T_SET."intersection_update" => set_intersection_update;
    T_SET."symmetric_difference_update" => set_symmetric_difference_update;
    T_SET."difference_update" => set_difference_update;
    T_SET."issubset" => set_issubset;
    T_SET."issuperset" => set_issuperset;
    T_SET."isdisjoint" => set_isdisjoint;
    T_FROZENSET."union" => set_union;
    T_FROZENSET."isdisjoint" => set_isdisjoint;
    T_FROZENSET."symmetric_difference" => set_symmetric_difference;
    T_FROZENSET."intersection" => set_intersection;
    T_FROZENSET."difference" => set_difference;
    T_FROZENSET."issubset" => set_issubset;
    T_FROZENSET."issuperset" => set_issuperset;
    T_FROZENSET."copy" => set_copy;
    T_INT."to_bytes" => int_to_bytes;
    T_INT."from_bytes" => int_from_bytes, class;
    T_GENERATOR."send" => gen_send;
    T_GENERATOR."throw" => gen_throw;
    T_GENERATOR."close" => gen_close;
    T_GENERATOR."pend_throw" => gen_pend_throw;
    T_GENERATOR."__next__" => gen_next;
    T_ITERATOR."__next__" => iter_dunder_next;
    T_PROPERTY."getter" => prop_getter;
    T_PROPERTY."setter" => prop_setter;
    T_PROPERTY."deleter" => prop_deleter;
    #[cfg(feature = "re")] T_RE."match" => re_match;
    #[cfg(feature = "re")] T_RE."search" => re_search;
    #[cfg(feature = "re")] T_RE."split" => re_split;
    #[cfg(feature = "re")] T_RE."sub" => re_sub;
    #[cfg(feature = "re")] T_MATCH."group" => match_group;
    #[cfg(feature = "collections")] T_DEQUE."append" => deque_append;
    #[cfg(feature = "collections")] T_DEQUE."appendleft" => deque_appendleft;
    #[cfg(feature = "collections")] T_DEQUE."extend" => deque_extend;
    #[cfg(feature = "collections")] T_DEQUE."pop" => deque_pop;
    #[cfg(feature = "collections")] T_DEQUE."popleft" => deque_popleft;
    T_TEXTIO."write" => textio_write;
    T_TEXTIO."flush" => textio_flush;
    T_FILEIO."write" => textio_write;
    T_FILEIO."flush" => textio_flush;
    #[cfg(feature = "input")] T_TEXTIO."read" => stdin_read;
    #[cfg(feature = "input")] T_TEXTIO."readline" => stdin_readline;
    #[cfg(feature = "input")] T_TEXTIO."readlines" => stdin_readlines;
    #[cfg(feature = "input")] T_FILEIO."read" => stdin_read;
    #[cfg(feature = "input")] T_FILEIO."readline" => stdin_readline;
    #[cfg(feature = "input")] T_FILEIO."readlines" => stdin_readlines;
    T_SLICE."indices" => slice_indices;
    #[cfg(feature = "io")] T_STRINGIO."write" => io_write;
    #[cfg(feature = "io")] T_STRINGIO."read" => io_read;
    #[cfg(feature = "io")] T_STRINGIO."readinto" => io_readinto;
    #[cfg(feature = "io")] T_STRINGIO."readline" => io_readline;
    #[cfg(feature = "io")] T_STRINGIO."__next__" => io_next;
    #[cfg(feature = "io")] T_STRINGIO."getvalue" => io_getvalue;
    #[cfg(feature = "io")] T_STRINGIO."seek" => io_seek;
    #[cfg(feature = "io")] T_STRINGIO."tell" => io_tell;
    #[cfg(feature = "io")] T_STRINGIO."flush" => io_flush;
    #[cfg(feature = "io")] T_STRINGIO."close" => io_close;
    #[cfg(feature = "io")] T_STRINGIO."__enter__" => io_enter;
    #[cfg(feature = "io")] T_STRINGIO."__exit__" => io_close;
    #[cfg(feature = "select")] T_POLL."register" => poll_register;
    #[cfg(feature = "select")] T_POLL."unregister" => poll_unregister;
    #[cfg(feature = "select")] T_POLL."modify" => poll_modify;
    #[cfg(feature = "select")] T_POLL."poll" => poll_poll;
    #[cfg(feature = "select")] T_POLL."ipoll" => poll_ipoll;
    #[cfg(feature = "select")] T_POLL."__iter__" => poll_iter;
    #[cfg(feature = "select")] T_POLL."__next__" => poll_next;
    #[cfg(feature = "weakref")] T_WEAKREF_FINALIZE."peek" => finalize_peek;
    #[cfg(feature = "weakref")] T_WEAKREF_FINALIZE."detach" => finalize_detach;
    T_OBJECT."__init__" => obj_init;
    T_OBJECT."__new__" => obj_new;
    T_OBJECT."__setattr__" => obj_setattr;
    T_OBJECT."__delattr__" => obj_delattr;
    T_BASE_EXCEPTION."__init__" => obj_init;
}

/// MicroPython's whitespace (`unichar_isspace`): space and \t \n \v \f \r.
pub(crate) trait PySpace {
    fn is_py_space(&self) -> bool;
}

impl PySpace for u8 {
    fn is_py_space(&self) -> bool {
        matches!(*self, b' ' | 9..=13)
    }
}

fn self_str<'b>(vm: &'b Vm<'_>, a: &Args) -> &'b [u8] {
    vm.str_or_bytes(vm.arg(a, 0)).map_or(&[], |p| p.0)
}

fn is_str_self(vm: &Vm<'_>, a: &Args) -> bool {
    vm.str_data(vm.arg(a, 0)).is_some()
}

fn map_bytes(vm: &mut Vm<'_>, a: &Args, f: fn(u8, Option<u8>) -> u8) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let s = vm.arg(a, 0);
    let n = self_str(vm, a).len();
    let kind = if is_str_self(vm, a) {
        Kind::Str
    } else {
        Kind::Bytes
    };
    let o = vm.new_str_uninit(kind, n)?;
    vm.copy_str_bytes(s, o, 0)?;
    #[allow(clippy::cast_possible_truncation)]
    let d = vm.heap.bytes_mut(o, 1, n as u32);
    let mut prev = None;
    for c in d.iter_mut() {
        let orig = *c;
        *c = f(*c, prev);
        prev = Some(orig);
    }
    Ok(Obj::heap(o))
}

fn str_upper(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, |c, _| c.to_ascii_uppercase())
}

fn str_lower(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    map_bytes(vm, a, |c, _| c.to_ascii_lowercase())
}

fn pred(vm: &mut Vm<'_>, a: &Args, f: fn(u8) -> bool) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let d = self_str(vm, a);
    Ok(Obj::bool(!d.is_empty() && d.iter().all(|&c| f(c))))
}

fn str_isdigit(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    pred(vm, a, |c| c.is_ascii_digit())
}
fn str_isalpha(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    pred(vm, a, |c| c.is_ascii_alphabetic())
}
fn str_isspace(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    pred(vm, a, |c| c.is_py_space())
}
fn str_isupper(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let d = self_str(vm, a);
    let has = d.iter().any(u8::is_ascii_alphabetic);
    Ok(Obj::bool(has && !d.iter().any(u8::is_ascii_lowercase)))
}
fn str_islower(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let d = self_str(vm, a);
    let has = d.iter().any(u8::is_ascii_alphabetic);
    Ok(Obj::bool(has && !d.iter().any(u8::is_ascii_uppercase)))
}

/// Argument `i` as str/bytes bytes, type-checked against self.
fn arg_bytes<'b>(vm: &'b mut Vm<'_>, a: &Args, i: u32) -> PyResult<&'b [u8]> {
    let want_str = is_str_self(vm, a);
    let o = vm.arg(a, i);
    match vm.str_or_bytes(o) {
        Some((_, is_str)) if is_str == want_str => Ok(vm.str_or_bytes(o).map_or(&[], |p| p.0)),
        _ => {
            let t = vm.type_name(o);
            let to = if vm.str_data(o).is_some() {
                "bytes"
            } else {
                "str"
            };
            Err(vm.raise_parts(
                T_TYPE_ERROR,
                &[&"can't convert '", &t, &"' object to ", &to, &" implicitly"],
            ))
        }
    }
}

fn str_join(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let sep = vm.arg(a, 0);
    let want_str = is_str_self(vm, a);
    let l = vm.list_from_iter(vm.arg(a, 1))?;
    let base = vm.roots_len();
    vm.push_root(l);
    let n = vm.heap.get(l.bits(), 0);
    let sep_len = self_str(vm, a).len();
    let mut total = 0usize;
    for i in 0..n {
        let st = vm.heap.get_obj(l.bits(), 1).bits();
        let it = vm.heap.get_obj(st, i);
        match vm.str_or_bytes(it) {
            Some((d, is_str)) if is_str == want_str => total += d.len(),
            _ => {
                vm.truncate_roots(base);
                return Err(vm.raise_msg_str(
                    T_TYPE_ERROR,
                    "join expects a list of str/bytes objects consistent with self object",
                ));
            }
        }
        if i > 0 {
            total += sep_len;
        }
    }
    let kind = if want_str { Kind::Str } else { Kind::Bytes };
    let o = vm.new_str_uninit(kind, total);
    let o = match o {
        Ok(o) => o,
        Err(e) => {
            vm.truncate_roots(base);
            return Err(e);
        }
    };
    let mut pos = 0;
    for i in 0..n {
        if i > 0 {
            vm.copy_str_bytes(sep, o, pos)?;
            pos += sep_len;
        }
        let st = vm.heap.get_obj(l.bits(), 1).bits();
        let it = vm.heap.get_obj(st, i);
        let len = vm.str_or_bytes(it).map_or(0, |p| p.0.len());
        vm.copy_str_bytes(it, o, pos)?;
        pos += len;
    }
    vm.truncate_roots(base);
    Ok(Obj::heap(o))
}

fn split_impl(vm: &mut Vm<'_>, a: &Args, from_right: bool) -> PyResult<Obj> {
    // MicroPython's str.split/rsplit take positional arguments only.
    check_n(vm, a, 1, 3)?;
    let s = vm.arg(a, 0);
    let sep = vm.arg_pos(a, 1).filter(|o| *o != Obj::NONE);
    let maxsplit = match vm.arg_pos(a, 2) {
        Some(m) => vm.get_int(m)?,
        None => -1,
    };
    let base = vm.roots_len();
    let l = vm.new_list(0, 4)?;
    vm.push_root(l);
    let r = (|| {
        // Collect (start, end) ranges first.
        let mut ranges: [(usize, usize); 0] = [];
        let _ = &mut ranges;
        let len = self_str(vm, a).len();
        let mut count = 0i64;
        if let Some(sep) = sep {
            // rsplit with a limit takes any str/bytes separator (mp_obj_str_get_data).
            let sep_len = match vm.str_or_bytes(sep) {
                Some((d, _)) if from_right && maxsplit >= 0 => d.len(),
                _ => arg_bytes(vm, a, 1)?.len(),
            };
            if sep_len == 0 {
                return Err(vm.raise_msg_str(T_VALUE_ERROR, "empty separator"));
            }
            if !from_right {
                let mut start = 0;
                loop {
                    let pos = {
                        let hay = self_str(vm, a);
                        let needle = vm.str_or_bytes(sep).map_or(&[][..], |p| p.0);
                        if maxsplit >= 0 && count >= maxsplit {
                            None
                        } else {
                            find(hay, needle, start)
                        }
                    };
                    match pos {
                        Some(p) => {
                            let part = vm.substr(s, start, p)?;
                            vm.list_append(l, part)?;
                            start = p + sep_len;
                            count += 1;
                        }
                        None => {
                            let part = vm.substr(s, start, len)?;
                            vm.list_append(l, part)?;
                            break;
                        }
                    }
                }
            } else {
                let mut end = len;
                loop {
                    let pos = {
                        let hay = self_str(vm, a);
                        let needle = vm.str_or_bytes(sep).map_or(&[][..], |p| p.0);
                        if maxsplit >= 0 && count >= maxsplit {
                            None
                        } else {
                            rfind(hay, needle, 0, end)
                        }
                    };
                    match pos {
                        Some(p) => {
                            let part = vm.substr(s, p + sep_len, end)?;
                            vm.list_insert(l, 0, part)?;
                            end = p;
                            count += 1;
                        }
                        None => {
                            let part = vm.substr(s, 0, end)?;
                            vm.list_insert(l, 0, part)?;
                            break;
                        }
                    }
                }
            }
        } else if from_right && maxsplit >= 0 {
            return Err(vm.raise_msg_str(T_NOT_IMPLEMENTED_ERROR, "rsplit(None,n)"));
        } else if !from_right {
            let mut i = 0;
            loop {
                let (start, end, more) = {
                    let d = self_str(vm, a);
                    while i < d.len() && d[i].is_py_space() {
                        i += 1;
                    }
                    if i >= d.len() {
                        (0, 0, false)
                    } else if maxsplit >= 0 && count >= maxsplit {
                        (i, d.len(), true)
                    } else {
                        let st = i;
                        while i < d.len() && !d[i].is_py_space() {
                            i += 1;
                        }
                        (st, i, true)
                    }
                };
                if !more {
                    break;
                }
                let part = vm.substr(s, start, end)?;
                vm.list_append(l, part)?;
                count += 1;
                if maxsplit >= 0 && count > maxsplit {
                    break;
                }
            }
        } else {
            let mut i = len;
            loop {
                let (start, end, more) = {
                    let d = self_str(vm, a);
                    while i > 0 && d[i - 1].is_py_space() {
                        i -= 1;
                    }
                    if i == 0 {
                        (0, 0, false)
                    } else if maxsplit >= 0 && count >= maxsplit {
                        (0, i, true)
                    } else {
                        let e = i;
                        while i > 0 && !d[i - 1].is_py_space() {
                            i -= 1;
                        }
                        (i, e, true)
                    }
                };
                if !more {
                    break;
                }
                let part = vm.substr(s, start, end)?;
                vm.list_insert(l, 0, part)?;
                count += 1;
                if maxsplit >= 0 && count > maxsplit {
                    break;
                }
            }
        }
        Ok(l)
    })();
    vm.truncate_roots(base);
    r
}

fn str_split(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    split_impl(vm, a, false)
}

fn str_rsplit(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    split_impl(vm, a, true)
}

fn strip_impl(vm: &mut Vm<'_>, a: &Args, left: bool, right: bool) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let s = vm.arg(a, 0);
    // `strip(None)` is a TypeError in MicroPython (the argument must be str/bytes).
    let chars = vm.arg_pos(a, 1);
    if chars.is_some() {
        arg_bytes(vm, a, 1)?;
    }
    let (start, end) = {
        let d = self_str(vm, a);
        let set: &[u8] = match chars {
            Some(c) => vm.str_or_bytes(c).map_or(&[][..], |p| p.0),
            None => b" \t\n\r\x0b\x0c",
        };
        let mut st = 0;
        let mut e = d.len();
        if left {
            while st < e && set.contains(&d[st]) {
                st += 1;
            }
        }
        if right {
            while e > st && set.contains(&d[e - 1]) {
                e -= 1;
            }
        }
        (st, e)
    };
    vm.substr(s, start, end)
}

fn str_strip(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    strip_impl(vm, a, true, true)
}
fn str_lstrip(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    strip_impl(vm, a, true, false)
}
fn str_rstrip(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    strip_impl(vm, a, false, true)
}

/// Resolve optional start/end arguments (char indices) to byte offsets.
fn range_args(vm: &mut Vm<'_>, a: &Args, first: u32, end_first: bool) -> PyResult<(usize, usize)> {
    let len = self_str(vm, a).len();
    let get = |vm: &mut Vm<'_>, i: u32| -> PyResult<Option<i64>> {
        match vm.arg_pos(a, i) {
            // str_index_to_ptr: an int (a big one must fit mp_int_t), else a TypeError
            // naming the str type (mp_get_index's "%q indices" for bytes).
            Some(o) if o != Obj::NONE => match vm.int_to_i64(o) {
                Some(_) => vm.get_int(o).map(Some),
                None if vm.is_kind(o, Kind::BigInt) => vm.get_int(o).map(Some),
                None => {
                    let t = vm.type_name(o);
                    let what = if is_str_self(vm, a) {
                        "string"
                    } else {
                        vm.type_name(vm.arg(a, 0))
                    };
                    Err(vm.raise_parts(
                        T_TYPE_ERROR,
                        &[&what, &" indices must be integers, not ", &t],
                    ))
                }
            },
            _ => Ok(None),
        }
    };
    #[allow(clippy::cast_possible_wrap)]
    let l = len as i64;
    let norm = |v: i64| -> usize {
        let v = if v < 0 { (v + l).max(0) } else { v.min(l) };
        #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
        let r = v as usize;
        r
    };
    // startswith/endswith (get_substring_data) convert the end first, find/count the start.
    let (start, end) = if end_first {
        let end = get(vm, first + 1)?;
        (get(vm, first)?, end)
    } else {
        let start = get(vm, first)?;
        (start, get(vm, first + 1)?)
    };
    let d = self_str(vm, a);
    if is_str_self(vm, a) && !d.is_ascii() {
        // str indices count characters (str_index_to_ptr).
        #[allow(clippy::cast_possible_wrap)]
        let l = char_count(d) as i64;
        let norm = |v: i64| -> usize {
            let v = if v < 0 { (v + l).max(0) } else { v.min(l) };
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            let r = v as usize;
            crate::object::str::char_offset(d, r)
        };
        return Ok((start.map_or(0, norm), end.map_or(len, norm)));
    }
    Ok((start.map_or(0, norm), end.map_or(len, norm)))
}

fn prefix_suffix(vm: &mut Vm<'_>, a: &Args, suffix: bool) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let (start, end) = range_args(vm, a, 2, true)?;
    let p = vm.arg(a, 1);
    let n = if vm.is_kind(p, Kind::Tuple) {
        vm.tuple_len(p)
    } else {
        1
    };
    for i in 0..n {
        let x = if vm.is_kind(p, Kind::Tuple) {
            vm.heap.get_obj(p.bits(), i + 1)
        } else {
            p
        };
        // Each prefix goes through mp_obj_str_get_data: any str or bytes, nothing else.
        if vm.str_get_data(x).is_none() {
            let t = vm.type_name(x);
            return Err(vm.raise_parts(
                T_TYPE_ERROR,
                &[&"can't convert '", &t, &"' object to str implicitly"],
            ));
        }
        let pat = vm.str_or_bytes(x).map_or(&[][..], |q| q.0);
        let d = self_str(vm, a);
        // get_substring_data: an empty range when start is past end (so '' still matches).
        let hay = d.get(start..end.min(d.len())).unwrap_or(&[]);
        let hit = if suffix {
            hay.ends_with(pat)
        } else {
            hay.starts_with(pat)
        };
        if hit {
            return Ok(Obj::TRUE);
        }
    }
    Ok(Obj::FALSE)
}

fn str_startswith(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    prefix_suffix(vm, a, false)
}

fn str_endswith(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    prefix_suffix(vm, a, true)
}

/// Type-check argument 1 of find/count/index: str/bytes like self, or (for bytes) a byte
/// value, returned.
fn check_needle(vm: &mut Vm<'_>, a: &Args, allow_int: bool) -> PyResult<Option<u8>> {
    let o = vm.arg(a, 1);
    if allow_int && !is_str_self(vm, a) {
        // mp_obj_get_int_maybe: small ints, bools and big ints (which must fit mp_int_t).
        if vm.int_to_i64(o).is_some() || vm.is_kind(o, Kind::BigInt) {
            let v = vm.get_int(o)?;
            return match u8::try_from(v) {
                Ok(b) => Ok(Some(b)),
                Err(_) => Err(vm.raise_msg_str(T_VALUE_ERROR, "bytes value out of range")),
            };
        }
    }
    arg_bytes(vm, a, 1)?;
    Ok(None)
}

/// The needle [`check_needle`] accepted.
fn needle<'b>(vm: &'b Vm<'_>, a: &Args, byte: &'b Option<u8>) -> &'b [u8] {
    match byte {
        Some(b) => core::slice::from_ref(b),
        None => vm.str_or_bytes(vm.arg(a, 1)).map_or(&[], |p| p.0),
    }
}

fn byte_to_char_index(vm: &Vm<'_>, a: &Args, byte_pos: usize) -> i64 {
    let d = self_str(vm, a);
    #[allow(clippy::cast_possible_wrap)]
    if is_str_self(vm, a) {
        char_count(&d[..byte_pos.min(d.len())]) as i64
    } else {
        byte_pos as i64
    }
}

fn find_impl(vm: &mut Vm<'_>, a: &Args, right: bool) -> PyResult<Option<i64>> {
    check_n(vm, a, 2, 4)?;
    let byte = check_needle(vm, a, true)?;
    let (start, end) = range_args(vm, a, 2, false)?;
    let needle = needle(vm, a, &byte);
    let d = self_str(vm, a);
    let hay = d.get(..end.min(d.len())).unwrap_or(&[]);
    // An empty bytearray has no buffer, in which find_subbytes finds nothing.
    let no_buffer = d.is_empty() && vm.is_kind(vm.arg(a, 0), Kind::ByteArray);
    let pos = if start > hay.len() || no_buffer {
        None
    } else if right {
        rfind(hay, needle, start, hay.len())
    } else {
        find(hay, needle, start)
    };
    Ok(pos.map(|p| byte_to_char_index(vm, a, p)))
}

fn str_find(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    Ok(Obj::small_sat(find_impl(vm, a, false)?.unwrap_or(-1)))
}
fn str_rfind(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    Ok(Obj::small_sat(find_impl(vm, a, true)?.unwrap_or(-1)))
}
fn str_index(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    match find_impl(vm, a, false)? {
        Some(p) => Ok(Obj::small_sat(p)),
        None => Err(vm.raise_msg_str(T_VALUE_ERROR, "substring not found")),
    }
}
fn str_rindex(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    match find_impl(vm, a, true)? {
        Some(p) => Ok(Obj::small_sat(p)),
        None => Err(vm.raise_msg_str(T_VALUE_ERROR, "substring not found")),
    }
}

fn str_count(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let byte = check_needle(vm, a, false)?;
    let (start, end) = range_args(vm, a, 2, false)?;
    let needle = needle(vm, a, &byte);
    let d = self_str(vm, a);
    let hay = d.get(start.min(end)..end.min(d.len())).unwrap_or(&[]);
    let n = if needle.is_empty() {
        char_count(hay) + 1
    } else {
        let mut n = 0;
        let mut i = 0;
        while let Some(p) = find(hay, needle, i) {
            n += 1;
            i = p + needle.len();
        }
        n
    };
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(n as i64))
}

fn str_replace(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 4)?;
    let s = vm.arg(a, 0);
    let old = vm.arg(a, 1);
    let new = vm.arg(a, 2);
    // objstr.c takes the count first; a zero count returns self unchecked.
    let max = match vm.arg_pos(a, 3) {
        Some(m) => vm.get_int(m)?,
        None => -1,
    };
    if max == 0 {
        return Ok(s);
    }
    arg_bytes(vm, a, 1)?;
    arg_bytes(vm, a, 2)?;
    let old_len = vm.str_or_bytes(old).map_or(0, |p| p.0.len());
    if old_len == 0 {
        return replace_empty(vm, a, max);
    }
    let new_len = vm.str_or_bytes(new).map_or(0, |p| p.0.len());
    let len = self_str(vm, a).len();
    // Count matches.
    let mut positions = 0usize;
    if old_len > 0 {
        let mut i = 0;
        loop {
            if max >= 0 && i64::try_from(positions).unwrap_or(0) >= max {
                break;
            }
            let p = {
                let hay = self_str(vm, a);
                let needle = vm.str_or_bytes(old).map_or(&[][..], |p| p.0);
                find(hay, needle, i)
            };
            match p {
                Some(p) => {
                    positions += 1;
                    i = p + old_len;
                }
                None => break,
            }
        }
    }
    if positions == 0 {
        return Ok(s);
    }
    let total = len - positions * old_len + positions * new_len;
    let kind = if is_str_self(vm, a) {
        Kind::Str
    } else {
        Kind::Bytes
    };
    let o = vm.new_str_uninit(kind, total)?;
    let base = vm.roots_len();
    vm.push_root(Obj::heap(o));
    let r = (|| {
        let mut src = 0;
        let mut dst = 0;
        for _ in 0..positions {
            let p = {
                let hay = self_str(vm, a);
                let needle = vm.str_or_bytes(old).map_or(&[][..], |p| p.0);
                find(hay, needle, src).unwrap_or(len)
            };
            let part = vm.substr(s, src, p)?;
            vm.push_root(part);
            vm.copy_str_bytes(part, o, dst)?;
            vm.pop_root();
            dst += p - src;
            vm.copy_str_bytes(new, o, dst)?;
            dst += new_len;
            src = p + old_len;
        }
        let part = vm.substr(s, src, len)?;
        vm.copy_str_bytes(part, o, dst)
    })();
    vm.truncate_roots(base);
    r.map(|()| Obj::heap(o))
}

/// `s.replace("", new)`: insert `new` before every character and at the end.
fn replace_empty(vm: &mut Vm<'_>, a: &Args, max: i64) -> PyResult<Obj> {
    let s = vm.arg(a, 0);
    let new = vm.arg(a, 2);
    let slot = vm.builder_new()?;
    let sink = Sink::Buf(slot);
    let r = (|| {
        let len = self_str(vm, a).len();
        let mut inserted = 0i64;
        let mut i = 0;
        loop {
            if max < 0 || inserted < max {
                vm.sink_write_obj(sink, new)?;
                inserted += 1;
            }
            if i >= len {
                break;
            }
            // objstr.c inserts between bytes (even inside a UTF-8 sequence).
            let e = i + 1;
            let mut chunk = NumBuf::new();
            chunk.extend(&self_str(vm, a)[i..e]);
            vm.sink_write(sink, chunk.as_bytes())?;
            i = e;
        }
        Ok(())
    })();
    let out = vm.builder_finish(slot);
    r?;
    if vm.bytes_data(s).is_some() {
        return str_as_bytes(vm, out);
    }
    Ok(out)
}

fn str_format(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    vm.str_format(a)
}

fn str_encode(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 3)?;
    let s = vm.arg(a, 0);
    let encoding = vm.arg_pos(a, 1);
    encode_str(vm, s, encoding)
}

fn bytes_decode(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 3)?;
    let (s, encoding, errors) = (vm.arg(a, 0), vm.arg_pos(a, 1), vm.arg_pos(a, 2));
    decode_bytes(vm, s, encoding, errors)
}

/// An `encoding` argument (`parse_encoding_arg`): `utf-8`/`utf8` (false) or `ascii` (true);
/// anything else is a `LookupError`.
fn parse_encoding(vm: &mut Vm<'_>, encoding: Option<Obj>) -> PyResult<bool> {
    let Some(e) = encoding else {
        return Ok(false);
    };
    let Some(name) = vm.str_data(e) else {
        return Err(vm.bad_implicit_conversion(e));
    };
    match name {
        b"utf-8" | b"utf8" => Ok(false),
        b"ascii" => Ok(true),
        _ => {
            let mut shown = [0u8; 40];
            let n = name.len().min(shown.len());
            shown[..n].copy_from_slice(&name[..n]);
            let shown = core::str::from_utf8(&shown[..n]).unwrap_or("?");
            Err(vm.raise_parts(T_LOOKUP_ERROR, &[&"unknown encoding: ", &shown]))
        }
    }
}

/// `unicode_encoding_check` (py/unicode.c): ASCII, or UTF-8 by its structure only (lead
/// bytes below 0xf8 followed by the right number of continuation bytes).
fn encoding_is_valid(data: &[u8], ascii: bool) -> bool {
    let mut need = 0u8;
    for &c in data {
        if need > 0 {
            if c & 0xc0 != 0x80 {
                return false;
            }
            need -= 1;
        } else if !ascii && c >= 0xc0 {
            if c >= 0xf8 {
                return false;
            }
            need = utf8_continuations(c);
        } else if c >= 0x80 {
            return false;
        }
    }
    need == 0
}

/// How many continuation bytes follow UTF-8 lead byte `c` (0xc0..0xf8).
pub(super) fn utf8_continuations(c: u8) -> u8 {
    (0xe5u8 >> ((c >> 3) & 6)) & 3
}

/// `bytes.decode(encoding, errors)` and `str(bytes, encoding, errors)`: invalid data is a
/// `UnicodeError`, unless `errors` is `ignore` (invalid bytes dropped) or `replace` (each
/// becomes U+FFFD), as `str_from_invalid` does it.
pub(crate) fn decode_bytes(
    vm: &mut Vm<'_>,
    src: Obj,
    encoding: Option<Obj>,
    errors: Option<Obj>,
) -> PyResult<Obj> {
    if vm.str_data(src).is_none() && vm.bytes_data(src).is_none() {
        // The buffer is taken before the encoding is looked at (objstr.c).
        if vm.buffer_data(src).is_none() {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
        }
        // An array or memoryview: decode a snapshot of its bytes, as `str` copies them.
        let snapshot = vm.typed_to_bytes(src)?;
        vm.push_root(snapshot);
        let r = decode_bytes(vm, snapshot, encoding, errors);
        vm.pop_root();
        return r;
    }
    let ascii = parse_encoding(vm, encoding)?;
    if let Some(text) = vm.str_data(src) {
        // A str is its own buffer: only an ASCII check can fail.
        if !encoding_is_valid(text, ascii) {
            return Err(vm.raise_bare(T_UNICODE_ERROR));
        }
        return Ok(src);
    }
    let Some(data) = vm.bytes_data(src) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    };
    let n = data.len();
    if encoding_is_valid(data, ascii) {
        return vm.substr_as_str(src, n);
    }
    let mode = match errors.filter(|e| !e.is_none()).and_then(|e| vm.str_data(e)) {
        Some(b"ignore") => Some(false),
        Some(b"replace") => Some(true),
        _ => None,
    };
    let Some(replace) = mode else {
        return Err(vm.raise_bare(T_UNICODE_ERROR));
    };
    // Two passes over the data: the length, then the text (the source is read again for
    // each piece, as it may live in the heap the result is allocated in).
    let mut len = 0usize;
    let mut i = 0usize;
    while let Some((_, out_len, used)) =
        decoded_piece(vm.bytes_data(src).unwrap_or(&[]), i, ascii, replace)
    {
        len += out_len;
        i += used;
    }
    let o = vm.new_str_uninit(Kind::Str, len)?;
    let (mut i, mut at) = (0usize, 0usize);
    while let Some((piece, out_len, used)) =
        decoded_piece(vm.bytes_data(src).unwrap_or(&[]), i, ascii, replace)
    {
        #[allow(clippy::cast_possible_truncation)]
        if let Some(out) = vm
            .heap
            .bytes_mut(o, 1, len as u32)
            .get_mut(at..at + out_len)
        {
            out.copy_from_slice(&piece[..out_len]);
        }
        at += out_len;
        i += used;
    }
    Ok(Obj::heap(o))
}

/// One step of `str_from_invalid` at `data[i..]`: the UTF-8 bytes it produces (up to 4),
/// how many, and how many source bytes it consumed; None at the end. A complete sequence
/// is decoded and written again canonically; an invalid byte or incomplete sequence
/// becomes U+FFFD (`replace`) or nothing.
fn decoded_piece(
    data: &[u8],
    i: usize,
    ascii: bool,
    replace: bool,
) -> Option<([u8; 4], usize, usize)> {
    const REPLACEMENT: [u8; 4] = [0xef, 0xbf, 0xbd, 0];
    let rest = data.get(i..).filter(|r| !r.is_empty())?;
    let c = rest[0];
    if c < 0x80 {
        return Some(([c, 0, 0, 0], 1, 1));
    }
    let skipped = if replace { 3 } else { 0 };
    if ascii || !(0xc0..0xf8).contains(&c) {
        return Some((REPLACEMENT, skipped, 1));
    }
    let need = usize::from(utf8_continuations(c));
    let got = rest[1..]
        .iter()
        .take(need)
        .take_while(|&&b| b & 0xc0 == 0x80)
        .count();
    if got < need {
        return Some((REPLACEMENT, skipped, 1 + got));
    }
    let (bytes, n) = utf8_encode(utf8_value(&rest[..=need]));
    Some((bytes, n, 1 + need))
}

/// `utf8_get_char`: the code point of a UTF-8 sequence (its lead byte and the continuation
/// bytes that follow), whatever its length or overlong form.
pub(crate) fn utf8_value(seq: &[u8]) -> u32 {
    let lead = seq.first().copied().unwrap_or(0);
    if lead < 0x80 {
        return u32::from(lead);
    }
    let mut ch = u32::from(lead & 0x7f);
    let mut mask = 0x40;
    while ch & mask != 0 {
        ch &= !mask;
        mask >>= 1;
    }
    for &b in &seq[1..] {
        ch = (ch << 6) | u32::from(b & 0x3f);
    }
    ch
}

/// `vstr_add_char`: `ch` as 1 to 4 UTF-8 bytes (no check for surrogates).
pub(crate) fn utf8_encode(ch: u32) -> ([u8; 4], usize) {
    #[allow(clippy::cast_possible_truncation)]
    let b = |v: u32| v as u8;
    if ch < 0x80 {
        ([b(ch), 0, 0, 0], 1)
    } else if ch < 0x800 {
        ([0xc0 | b(ch >> 6), 0x80 | b(ch & 0x3f), 0, 0], 2)
    } else if ch < 0x1_0000 {
        (
            [
                0xe0 | b(ch >> 12),
                0x80 | b((ch >> 6) & 0x3f),
                0x80 | b(ch & 0x3f),
                0,
            ],
            3,
        )
    } else {
        (
            [
                0xf0 | b(ch >> 18),
                0x80 | b((ch >> 12) & 0x3f),
                0x80 | b((ch >> 6) & 0x3f),
                0x80 | b(ch & 0x3f),
            ],
            4,
        )
    }
}

/// `str.encode(encoding)` and `bytes(str, encoding)`: the text's bytes; with `ascii`, a
/// non-ASCII character is a `UnicodeError`.
pub(crate) fn encode_str(vm: &mut Vm<'_>, s: Obj, encoding: Option<Obj>) -> PyResult<Obj> {
    let ascii = parse_encoding(vm, encoding)?;
    let Some(text) = vm.str_data(s) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "can't convert to str"));
    };
    let n = text.len();
    if ascii && !encoding_is_valid(text, true) {
        return Err(vm.raise_bare(T_UNICODE_ERROR));
    }
    let o = vm.new_str_uninit(Kind::Bytes, n)?;
    vm.copy_str_bytes(s, o, 0)?;
    Ok(Obj::heap(o))
}

fn bytes_hex(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    hex_digits(vm, a, Kind::Str)
}

/// `bytes.hex` and `binascii.hexlify` (objstr.c's `mp_obj_bytes_hex`): the hex digits of the
/// first argument's buffer, with an optional one-character separator, as a `kind` (str or
/// bytes) object.
pub(super) fn hex_digits(vm: &mut Vm<'_>, a: &Args, kind: Kind) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let s = vm.arg(a, 0);
    if vm.readable_buffer(s).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    // An optional one-character separator between the bytes.
    let sep = if a.n_pos > 1 {
        match vm.str_or_bytes(vm.arg(a, 1)).map(|p| p.0) {
            Some(&[c]) => Some(c),
            _ => return Err(vm.raise_msg_str(T_VALUE_ERROR, "sep must be length 1.")),
        }
    } else {
        None
    };
    let n = vm.readable_buffer(s).map_or(0, <[u8]>::len);
    let step = 2 + usize::from(sep.is_some());
    let total = (n * step).saturating_sub(usize::from(sep.is_some() && n > 0));
    let o = vm.new_str_uninit(kind, total)?;
    for i in 0..n {
        let c = vm
            .readable_buffer(s)
            .and_then(|d| d.get(i).copied())
            .unwrap_or(0);
        let hex = b"0123456789abcdef";
        #[allow(clippy::cast_possible_truncation)]
        let d = vm.heap.bytes_mut(o, 1, total as u32);
        if let Some(x) = d.get_mut(step * i..step * i + 2) {
            x[0] = hex[usize::from(c >> 4)];
            x[1] = hex[usize::from(c & 15)];
        }
        if let (Some(sc), Some(x)) = (sep, d.get_mut(step * i + 2)) {
            *x = sc;
        }
    }
    Ok(Obj::heap(o))
}

fn pad_impl(vm: &mut Vm<'_>, a: &Args, align: u8) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let mut s = vm.arg(a, 0);
    let w = vm.get_int(vm.arg(a, 1))?;
    {
        // objstr.c's str_center takes the width as an unsigned word (a negative one is
        // huge) and allocates width - chars + byte length + 1 bytes.
        let d = self_str(vm, a);
        let chars = if is_str_self(vm, a) {
            char_count(d)
        } else {
            d.len()
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (width, chars, len) = (w as u32, chars as u32, d.len() as u32);
        if width > chars {
            vm.check_request((width - chars).wrapping_add(len).wrapping_add(1))?;
        }
    }
    let fill = match vm.arg_pos(a, 2) {
        Some(f) => vm
            .str_or_bytes(f)
            .and_then(|(d, _)| core::str::from_utf8(d).ok())
            .and_then(|t| t.chars().next())
            .unwrap_or(' '),
        None => ' ',
    };
    let spec = crate::object::str::FormatSpec {
        fill,
        align,
        width: usize::try_from(w).ok(),
        ..Default::default()
    };
    let is_str = is_str_self(vm, a);
    if !is_str {
        // Pad a str view of the bytes, then make the result bytes again.
        let n = self_str(vm, a).len();
        s = vm.substr_as_str(s, n)?;
    }
    vm.push_root(s);
    let slot = vm.builder_new();
    let r = slot.and_then(|slot| {
        let r = vm.pad_str(Sink::Buf(slot), s, &spec, align, false);
        let o = vm.builder_finish(slot);
        r.map(|()| o)
    });
    vm.pop_root();
    match r {
        Ok(o) if !is_str => str_as_bytes(vm, o),
        r => r,
    }
}

/// A bytes copy of str `out` (results of str code run for a bytes method).
fn str_as_bytes(vm: &mut Vm<'_>, out: Obj) -> PyResult<Obj> {
    let n = vm.str_data(out).map_or(0, <[u8]>::len);
    vm.push_root(out);
    let b = vm.new_str_uninit(Kind::Bytes, n);
    vm.pop_root();
    let b = b?;
    vm.copy_str_bytes(out, b, 0)?;
    Ok(Obj::heap(b))
}

fn str_center(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    pad_impl(vm, a, b'^')
}

fn partition_impl(vm: &mut Vm<'_>, a: &Args, right: bool) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let s = vm.arg(a, 0);
    let sep = vm.arg(a, 1);
    let sep_len = arg_bytes(vm, a, 1)?.len();
    if sep_len == 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "empty separator"));
    }
    let len = self_str(vm, a).len();
    let p = {
        let hay = self_str(vm, a);
        let needle = vm.str_or_bytes(sep).map_or(&[][..], |p| p.0);
        if right {
            rfind(hay, needle, 0, hay.len())
        } else {
            find(hay, needle, 0)
        }
    };
    let base = vm.roots_len();
    let r = (|| {
        let empty = vm.substr(s, 0, 0)?;
        vm.push_root(empty);
        // A bytearray's found parts are bytearrays, the parts not found the empty bytes
        // (objstr.c); the method call leaves this result as it is.
        let is_ba = vm.is_kind(s, Kind::ByteArray);
        let part = |vm: &mut Vm<'_>, from: usize, to: usize| -> PyResult<Obj> {
            let o = vm.substr(s, from, to)?;
            if is_ba {
                vm.bytearray_from(o)
            } else {
                Ok(o)
            }
        };
        let (x, y, z) = match p {
            Some(p) => {
                let x = part(vm, 0, p)?;
                vm.push_root(x);
                let y = if is_ba {
                    part(vm, p, p + sep_len)?
                } else {
                    sep
                };
                vm.push_root(y);
                let z = part(vm, p + sep_len, len)?;
                (x, y, z)
            }
            None => {
                if right {
                    (empty, empty, s)
                } else {
                    (s, empty, empty)
                }
            }
        };
        vm.push_root(z);
        vm.new_tuple_from(&[x, y, z])
    })();
    vm.truncate_roots(base);
    r
}

fn str_partition(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    partition_impl(vm, a, false)
}
fn str_rpartition(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    partition_impl(vm, a, true)
}

fn str_splitlines(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_pos(vm, a, 1, 2)?;
    let keepends = match vm.arg_pos(a, 1).or_else(|| vm.arg_kw(a, b"keepends")) {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let s = vm.arg(a, 0);
    let l = vm.new_list(0, 4)?;
    vm.push_root(l);
    let r = (|| {
        let len = self_str(vm, a).len();
        let mut start = 0;
        while start < len {
            let (end, next) = {
                let d = self_str(vm, a);
                let mut i = start;
                while i < d.len() && d[i] != b'\n' && d[i] != b'\r' {
                    i += 1;
                }
                let mut n = i;
                if i < d.len() {
                    n = i + 1;
                    if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                        n = i + 2;
                    }
                }
                (i, n)
            };
            let part = vm.substr(s, start, if keepends { next } else { end })?;
            vm.list_append(l, part)?;
            start = next;
        }
        Ok(l)
    })();
    vm.pop_root();
    r
}

#[cfg(feature = "array")]
fn array_append(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.array_append(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

#[cfg(feature = "array")]
fn array_extend(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.array_extend(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

fn bytearray_append(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    // Stored as the low 8 bits, as MicroPython's arrays of 'B' do.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let byte = vm.get_int(vm.arg(a, 1))? as u8;
    bytearray_push(vm, vm.arg(a, 0), &[byte])
}

fn bytearray_extend(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let ba = vm.arg(a, 0);
    let src = vm.arg(a, 1);
    if let Some(n) = vm.bytes_data(src).map(<[u8]>::len) {
        // Through a small buffer: `src` may be `ba` itself or live in the heap that grows.
        let mut i = 0;
        while i < n {
            let mut chunk = [0u8; 64];
            let k = (n - i).min(chunk.len());
            if let Some(d) = vm.bytes_data(src).and_then(|d| d.get(i..i + k)) {
                chunk[..k].copy_from_slice(d);
            }
            bytearray_push(vm, ba, &chunk[..k])?;
            i += k;
        }
        return Ok(Obj::NONE);
    }
    let mut it = vm.iter_begin(src)?;
    vm.push_root(it.obj);
    let r = (|| {
        while let Some(v) = vm.iter_advance(&mut it)? {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let byte = vm.get_int(v)? as u8;
            bytearray_push(vm, ba, &[byte])?;
        }
        Ok(Obj::NONE)
    })();
    vm.pop_root();
    r
}

pub(super) fn bytearray_push(vm: &mut Vm<'_>, ba: Obj, data: &[u8]) -> PyResult<Obj> {
    let len = vm.heap.get(ba.bits(), 0) as usize;
    let store = vm.heap.get_obj(ba.bits(), 1);
    let cap = (vm.heap.block_words(store.bits()).saturating_sub(2) as usize) * 4;
    if len + data.len() > cap {
        let new_cap = (len + data.len()).max(cap * 2).max(8);
        vm.push_root(ba);
        let ns = vm.new_str_uninit(Kind::Bytes, new_cap);
        vm.pop_root();
        let ns = ns?;
        let store = vm.heap.get_obj(ba.bits(), 1);
        vm.heap.copy_within(
            crate::heap::Heap::payload_pos(store.bits(), 1),
            crate::heap::Heap::payload_pos(ns, 1),
            len,
        );
        vm.heap.set_obj(ba.bits(), 1, Obj::heap(ns));
    }
    let store = vm.heap.get_obj(ba.bits(), 1);
    #[allow(clippy::cast_possible_truncation)]
    let total = (len + data.len()) as u32;
    vm.heap.set(store.bits(), 0, total);
    if let Some(d) = vm.heap.bytes_mut(store.bits(), 1, total).get_mut(len..) {
        d.copy_from_slice(data);
    }
    vm.heap.set(ba.bits(), 0, total);
    Ok(Obj::NONE)
}

// ----- list / tuple -----

fn list_append(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.list_append(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

fn list_extend(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.list_extend(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

fn list_pop(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let l = vm.arg(a, 0);
    let len = vm.heap.get(l.bits(), 0);
    if len == 0 {
        return Err(vm.raise_msg_str(T_INDEX_ERROR, "pop from empty list"));
    }
    let i = match vm.arg_pos(a, 1) {
        Some(i) => vm.norm_index(i, len, "list")?,
        None => len - 1,
    };
    let store = vm.heap.get_obj(l.bits(), 1);
    let v = vm.heap.get_obj(store.bits(), i);
    vm.list_remove_at(l, i);
    Ok(v)
}

fn list_insert(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 3)?;
    let l = vm.arg(a, 0);
    let len = i64::from(vm.heap.get(l.bits(), 0));
    // py/objlist.c reads the index with MP_OBJ_SMALL_INT_VALUE, unchecked: any other object
    // (a bool, a big int, a float) is a pointer there, a large positive index, so it appends.
    let mut i = vm.arg(a, 1).as_small().unwrap_or(len);
    if i < 0 {
        i = (i + len).max(0);
    }
    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
    let i = i.min(len) as u32;
    vm.list_insert(l, i, vm.arg(a, 2))?;
    Ok(Obj::NONE)
}

fn list_remove(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let l = vm.arg(a, 0);
    let x = vm.arg(a, 1);
    let mut i = 0;
    while i < vm.heap.get(l.bits(), 0) {
        let store = vm.heap.get_obj(l.bits(), 1);
        let v = vm.heap.get_obj(store.bits(), i);
        if vm.equal(v, x)? {
            vm.list_remove_at(l, i);
            return Ok(Obj::NONE);
        }
        i += 1;
    }
    Err(vm.raise_msg_str(T_VALUE_ERROR, "object not in sequence"))
}

fn seq_index(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let s = vm.arg(a, 0);
    let x = vm.arg(a, 1);
    let len = vm.seq_parts(s).map_or(0, |p| p.2);
    // mp_get_index: a non-int bound is "<type> indices must be integers".
    let get = |vm: &mut Vm<'_>, o: Obj| -> PyResult<i64> {
        if vm.int_to_i64(o).is_none() && !vm.is_kind(o, Kind::BigInt) {
            let (w, t) = (vm.type_name(s), vm.type_name(o));
            return Err(vm.raise_parts(T_TYPE_ERROR, &[&w, &" indices must be integers, not ", &t]));
        }
        vm.get_int(o)
    };
    let start = match vm.arg_pos(a, 2) {
        Some(o) => {
            let v = get(vm, o)?;
            let v = if v < 0 {
                (v + i64::from(len)).max(0)
            } else {
                v
            };
            u32::try_from(v).unwrap_or(u32::MAX)
        }
        None => 0,
    };
    let end = match vm.arg_pos(a, 3) {
        Some(o) => {
            let v = get(vm, o)?;
            let v = if v < 0 {
                (v + i64::from(len)).max(0)
            } else {
                v
            };
            u32::try_from(v).unwrap_or(u32::MAX)
        }
        None => u32::MAX,
    };
    let mut i = start;
    while let Some(p) = vm.seq_parts(s) {
        if i >= p.2 || i >= end {
            break;
        }
        let v = vm.seq_get(p, i);
        if vm.equal(v, x)? {
            return Ok(Obj::small_sat(i64::from(i)));
        }
        i += 1;
    }
    Err(vm.raise_msg_str(T_VALUE_ERROR, "object not in sequence"))
}

fn seq_count(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let s = vm.arg(a, 0);
    let x = vm.arg(a, 1);
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = vm.seq_parts(s) {
        if i >= p.2 {
            break;
        }
        let v = vm.seq_get(p, i);
        if vm.equal(v, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Obj::small_sat(n))
}

fn list_sort(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos > 1 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
    }
    check_pos(vm, a, 1, 1)?;
    for k in 0..a.n_kw {
        let (name, _) = vm.kw_pair(a, k);
        if !matches!(vm.str_data(name), Some(b"key" | b"reverse")) {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra keyword arguments given"));
        }
    }
    let key = vm.arg_kw(a, b"key").unwrap_or(Obj::NONE);
    let rev = match vm.arg_kw(a, b"reverse") {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    vm.list_sort(vm.arg(a, 0), key, rev)?;
    Ok(Obj::NONE)
}

fn list_reverse(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let l = vm.arg(a, 0);
    let n = vm.heap.get(l.bits(), 0);
    let store = vm.heap.get_obj(l.bits(), 1).bits();
    for i in 0..n / 2 {
        let x = vm.heap.get_obj(store, i);
        let y = vm.heap.get_obj(store, n - 1 - i);
        vm.heap.set_obj(store, i, y);
        vm.heap.set_obj(store, n - 1 - i, x);
    }
    Ok(Obj::NONE)
}

fn list_clear(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let l = vm.arg(a, 0);
    let n = vm.heap.get(l.bits(), 0);
    let store = vm.heap.get_obj(l.bits(), 1).bits();
    for i in 0..n {
        vm.heap.set_obj(store, i, Obj::NULL);
    }
    vm.heap.set(l.bits(), 0, 0);
    Ok(Obj::NONE)
}

fn list_copy(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.list_from_iter(vm.arg(a, 0))
}

// ----- dict -----

fn dict_view(vm: &mut Vm<'_>, a: &Args, kind: u32) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.new_iter(kind | VIEW, vm.arg(a, 0), Obj::NULL, 0)
}

fn dict_keys(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    dict_view(vm, a, IT_DICT_KEYS)
}
fn dict_values(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    dict_view(vm, a, IT_DICT_VALUES)
}
fn dict_items(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    dict_view(vm, a, IT_DICT_ITEMS)
}

fn dict_get(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let r = vm.dict_lookup(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(r.unwrap_or_else(|| vm.arg_pos(a, 2).unwrap_or(Obj::NONE)))
}

fn dict_pop(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    match vm.dict_remove(vm.arg(a, 0), vm.arg(a, 1))? {
        Some(v) => Ok(v),
        None => match vm.arg_pos(a, 2) {
            Some(d) => Ok(d),
            None => Err(vm.raise_key_error(vm.arg(a, 1))),
        },
    }
}

fn dict_popitem(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let d = vm.arg(a, 0);
    // py/objdict.c: the first filled slot of a plain dict, the last item of an ordered one;
    // the slot becomes a deletion sentinel.
    let used = vm.heap.get(d.bits(), 0);
    let start = if vm.dict_is_ordered(d) {
        used.saturating_sub(1)
    } else {
        0
    };
    let Some((i, k, v)) =
        (start..vm.dict_alloc(d)).find_map(|i| vm.dict_slot(d, i).map(|(k, v)| (i, k, v)))
    else {
        return Err(vm.raise_msg_str(T_KEY_ERROR, "popitem(): dictionary is empty"));
    };
    let t = vm.new_tuple_from(&[k, v])?;
    let table = vm.heap.get_obj(d.bits(), 2).bits();
    vm.heap.set_obj(table, i * 2, crate::object::dict::SENTINEL);
    vm.heap.set_obj(table, i * 2 + 1, Obj::NULL);
    vm.heap.set(d.bits(), 0, used.saturating_sub(1));
    Ok(t)
}

fn dict_setdefault(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let d = vm.arg(a, 0);
    let k = vm.arg(a, 1);
    if let Some(v) = vm.dict_lookup(d, k)? {
        return Ok(v);
    }
    let v = vm.arg_pos(a, 2).unwrap_or(Obj::NONE);
    vm.dict_store(d, k, v)?;
    Ok(v)
}

fn dict_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_pos(vm, a, 1, 2)?;
    let d = vm.arg(a, 0);
    if let Some(x) = vm.arg_pos(a, 1) {
        vm.dict_update_from(d, x)?;
    }
    for i in 0..a.n_kw {
        let (k, v) = vm.kw_pair(a, i);
        vm.dict_store(d, k, v)?;
    }
    Ok(Obj::NONE)
}

fn dict_clear(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.dict_clear(vm.arg(a, 0));
    Ok(Obj::NONE)
}

fn dict_copy(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let src = vm.arg(a, 0);
    let alloc = vm.dict_alloc(src);
    let d = if vm.dict_is_ordered(src) {
        let d = vm.new_ordered_dict()?;
        if alloc > 0 {
            vm.push_root(d);
            let t = vm.alloc(Kind::Array, alloc * 2);
            vm.pop_root();
            vm.heap.set(d.bits(), 1, alloc);
            vm.heap.set_obj(d.bits(), 2, Obj::heap(t?));
        }
        d
    } else {
        vm.new_dict(alloc)?
    };
    // Copy the table verbatim so iteration order is preserved exactly.
    if alloc > 0 {
        let st = vm.heap.get_obj(src.bits(), 2).bits();
        let dt = vm.heap.get_obj(d.bits(), 2).bits();
        for i in 0..alloc * 2 {
            let v = vm.heap.get_obj(st, i);
            vm.heap.set_obj(dt, i, v);
        }
        let used = vm.heap.get(src.bits(), 0);
        vm.heap.set(d.bits(), 0, used);
    }
    Ok(d)
}

fn dict_fromkeys(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let keys = vm.arg(a, 1);
    let v = vm.arg_pos(a, 2).unwrap_or(Obj::NONE);
    // Presized to the keys' length when known, as py/objdict.c does (iteration order).
    let n = vm.len_of(keys)?.unwrap_or(0);
    let d = vm.new_dict(n)?;
    vm.push_root(d);
    let r = (|| {
        let mut it = vm.iter_begin(keys)?;
        vm.push_root(it.obj);
        while let Some(k) = vm.iter_advance(&mut it)? {
            vm.dict_store(d, k, v)?;
        }
        vm.pop_root();
        Ok(d)
    })();
    vm.pop_root();
    r
}

// ----- set -----

fn set_add(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.set_add(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

fn set_remove(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    if !vm.set_remove(vm.arg(a, 0), vm.arg(a, 1))? {
        return Err(vm.raise_key_error(vm.arg(a, 1)));
    }
    Ok(Obj::NONE)
}

fn set_discard(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.set_remove(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

fn set_pop(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let s = vm.arg(a, 0);
    let mut i = 0;
    while i < vm.set_alloc(s) {
        if let Some(k) = vm.set_slot(s, i) {
            vm.set_remove(s, k)?;
            return Ok(k);
        }
        i += 1;
    }
    Err(vm.raise_msg_str(T_KEY_ERROR, "pop from an empty set"))
}

fn set_clear(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    vm.set_clear(vm.arg(a, 0));
    Ok(Obj::NONE)
}

fn set_copy(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let s = vm.arg(a, 0);
    let frozen = vm.heap.get(s.bits(), 1) != 0;
    vm.set_copy_exact(s, frozen)
}

fn set_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let s = vm.arg(a, 0);
    for i in 1..a.n_pos {
        let mut it = vm.iter_begin(vm.arg(a, i))?;
        vm.push_root(it.obj);
        let r = (|| {
            while let Some(x) = vm.iter_advance(&mut it)? {
                vm.set_add(s, x)?;
            }
            Ok(())
        })();
        vm.pop_root();
        r?;
    }
    Ok(Obj::NONE)
}

fn set_op(vm: &mut Vm<'_>, a: &Args, op: mpy_format::opcode::BinaryOp) -> PyResult<Obj> {
    let mut acc = vm.arg(a, 0);
    let base = vm.roots_len();
    if a.n_pos == 1 {
        let frozen = vm.heap.get(acc.bits(), 1) != 0;
        return vm.set_copy_exact(acc, frozen);
    }
    for i in 1..a.n_pos {
        let other = vm.arg(a, i);
        acc = vm.set_binary_op(op, op, acc, other)?.unwrap_or(acc);
        vm.push_root(acc);
    }
    vm.truncate_roots(base);
    Ok(acc)
}

fn set_union(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_op(vm, a, mpy_format::opcode::BinaryOp::OR)
}

fn set_symmetric_difference_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.set_binary_op(
        mpy_format::opcode::BinaryOp::INPLACE_XOR,
        mpy_format::opcode::BinaryOp::XOR,
        vm.arg(a, 0),
        vm.arg(a, 1),
    )?;
    Ok(Obj::NONE)
}
fn set_intersection(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_op(vm, a, mpy_format::opcode::BinaryOp::AND)
}
fn set_difference(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_op(vm, a, mpy_format::opcode::BinaryOp::SUBTRACT)
}
fn set_symmetric_difference(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_op(vm, a, mpy_format::opcode::BinaryOp::XOR)
}

fn set_inplace(vm: &mut Vm<'_>, a: &Args, op: mpy_format::opcode::BinaryOp) -> PyResult<Obj> {
    let inplace = match op {
        mpy_format::opcode::BinaryOp::AND => {
            check_n(vm, a, 2, 2)?;
            mpy_format::opcode::BinaryOp::INPLACE_AND
        }
        _ => mpy_format::opcode::BinaryOp::INPLACE_SUBTRACT,
    };
    for i in 1..a.n_pos {
        vm.set_binary_op(inplace, op, vm.arg(a, 0), vm.arg(a, i))?;
    }
    Ok(Obj::NONE)
}

fn set_intersection_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_inplace(vm, a, mpy_format::opcode::BinaryOp::AND)
}
fn set_difference_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    set_inplace(vm, a, mpy_format::opcode::BinaryOp::SUBTRACT)
}

fn as_set(vm: &mut Vm<'_>, o: Obj) -> PyResult<Obj> {
    if vm.is_kind(o, Kind::Set) {
        Ok(o)
    } else {
        vm.set_from_iter(o, false)
    }
}

fn set_issubset(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let o = as_set(vm, vm.arg(a, 1))?;
    vm.push_root(o);
    let r = vm.set_subset(vm.arg(a, 0), o);
    vm.pop_root();
    r.map(Obj::bool)
}

fn set_issuperset(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let o = as_set(vm, vm.arg(a, 1))?;
    vm.push_root(o);
    let r = vm.set_subset(o, vm.arg(a, 0));
    vm.pop_root();
    r.map(Obj::bool)
}

fn set_isdisjoint(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let s = vm.arg(a, 0);
    let mut it = vm.iter_begin(vm.arg(a, 1))?;
    vm.push_root(it.obj);
    let r = (|| {
        while let Some(x) = vm.iter_advance(&mut it)? {
            if vm.set_contains(s, x)? {
                return Ok(Obj::FALSE);
            }
        }
        Ok(Obj::TRUE)
    })();
    vm.pop_root();
    r
}

// ----- int / float -----

fn int_to_bytes(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // objint.c parses (length=1, byteorder='big', *, signed=False) with mp_arg_parse_all.
    if a.n_pos > 3 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra positional arguments given"));
    }
    for i in 0..a.n_kw {
        let (k, _) = vm.kw_pair(a, i);
        if !matches!(vm.str_data(k), Some(b"length" | b"byteorder" | b"signed")) {
            return Err(vm.raise_msg_str(T_TYPE_ERROR, "extra keyword arguments given"));
        }
    }
    let Some(v) = vm.big_of(vm.arg(a, 0)) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "int expected"));
    };
    let n = match vm.arg_pos(a, 1).or_else(|| vm.arg_kw(a, b"length")) {
        Some(n) => vm.get_int(n)?,
        None => 1,
    };
    let Ok(n) = usize::try_from(n) else {
        return Err(vm.raise_bare(T_VALUE_ERROR));
    };
    let signed = match vm.arg_kw(a, b"signed") {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let little = match vm.arg_pos(a, 2).or_else(|| vm.arg_kw(a, b"byteorder")) {
        // objint.c: anything but 'little' is big-endian.
        Some(o) => vm.str_data(o) == Some(b"little"),
        None => false,
    };
    // Two's complement bytes, little-endian first.
    let mut le = [0u8; crate::object::bigint::MAX_LIMBS * 4 + 8];
    for i in 0..v.len {
        le[i * 4..i * 4 + 4].copy_from_slice(&v.d[i].to_le_bytes());
    }
    if v.neg {
        let mut carry = 1u16;
        for x in &mut le {
            let t = u16::from(!*x) + carry;
            #[allow(clippy::cast_possible_truncation)]
            {
                *x = t as u8;
            }
            carry = t >> 8;
        }
    }
    // The value must fit: the bytes past `n` (and, signed, the top bit kept) extend the sign.
    let ext = if v.neg { 0xff } else { 0 };
    let top_ok = !signed || n == 0 || (le.get(n - 1).copied().unwrap_or(ext) & 0x80 != 0) == v.neg;
    if (v.neg && !signed) || !top_ok || le.iter().skip(n).any(|&b| b != ext) {
        if v.neg && !signed {
            return Err(
                vm.raise_msg_str(T_OVERFLOW_ERROR, "can't convert negative int to unsigned")
            );
        }
        return Err(vm.raise_parts(
            T_OVERFLOW_ERROR,
            &[&"value would overflow a ", &n, &" byte buffer"],
        ));
    }
    let o = vm.new_str_uninit(Kind::Bytes, n)?;
    #[allow(clippy::cast_possible_truncation)]
    let d = vm.heap.bytes_mut(o, 1, n as u32);
    for i in 0..n {
        let byte = le.get(i).copied().unwrap_or(ext);
        let idx = if little { i } else { n - 1 - i };
        d[idx] = byte;
    }
    Ok(Obj::heap(o))
}

fn int_from_bytes(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    // objint.c takes (bytes, byteorder='big', signed) positionally and ignores `signed`.
    if a.n_kw > 0 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "function doesn't take keyword arguments"));
    }
    check_pos(vm, a, 2, 4)?;
    let little = match vm.arg_pos(a, 2) {
        // objint.c: anything but 'little' is big-endian.
        Some(o) => vm.str_data(o) == Some(b"little"),
        None => false,
    };
    // Any object with the buffer protocol, str included (its UTF-8 bytes).
    let o = vm.arg(a, 1);
    if vm.readable_buffer(o).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    let d = vm.readable_buffer(o).unwrap_or(&[]);
    if d.len() > crate::object::bigint::MAX_LIMBS * 4 {
        return Err(vm.big_overflow());
    }
    let mut v = crate::object::bigint::Big::zero();
    for (i, &c) in d.iter().enumerate() {
        let pos = if little { i } else { d.len() - 1 - i };
        v.d[pos / 4] |= u32::from(c) << (8 * (pos % 4));
    }
    v.len = d.len().div_ceil(4);
    while v.len > 0 && v.d[v.len - 1] == 0 {
        v.len -= 1;
    }
    vm.new_big(&v)
}

/// The next byte of `bytes.fromhex` input from `*i`: Ok(None) at the end, Err on a bad digit.
/// Whitespace may separate digit pairs; anything else (an odd digit count, a space inside
/// a pair) is an error (objstr.c).
fn hex_next(d: &[u8], i: &mut usize) -> Result<Option<u8>, ()> {
    let hex = |c: u8| (c as char).to_digit(16);
    while let Some(&c1) = d.get(*i) {
        *i += 1;
        if c1.is_py_space() {
            continue;
        }
        let (Some(h), Some(l)) = (hex(c1), d.get(*i).and_then(|&c| hex(c))) else {
            return Err(());
        };
        *i += 1;
        #[allow(clippy::cast_possible_truncation)]
        return Ok(Some((h << 4 | l) as u8));
    }
    Ok(None)
}

fn bytes_fromhex(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let as_bytearray = vm.arg(a, 0) == type_obj(T_BYTEARRAY);
    from_hex(vm, vm.arg(a, 1), as_bytearray)
}

/// `bytes.fromhex` and `binascii.unhexlify` (`mp_obj_bytes_fromhex`): the bytes (or bytearray)
/// that the hex digits of `src` spell, spaces between byte pairs allowed.
pub(super) fn from_hex(vm: &mut Vm<'_>, src: Obj, as_bytearray: bool) -> PyResult<Obj> {
    if vm.readable_buffer(src).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    // First pass validates and counts; the second writes into the new object.
    let mut n = 0u32;
    let mut i = 0;
    loop {
        match hex_next(vm.readable_buffer(src).unwrap_or(&[]), &mut i) {
            Ok(Some(_)) => n += 1,
            Ok(None) => break,
            Err(()) => return Err(vm.raise_msg_str(T_VALUE_ERROR, "non-hex digit")),
        }
    }
    let out = vm.new_str_uninit(Kind::Bytes, n as usize)?;
    let mut i = 0;
    for k in 0..n as usize {
        let Ok(Some(b)) = hex_next(vm.readable_buffer(src).unwrap_or(&[]), &mut i) else {
            break;
        };
        if let Some(dst) = vm.heap.bytes_mut(out, 1, n).get_mut(k) {
            *dst = b;
        }
    }
    if as_bytearray {
        return vm.bytearray_from(Obj::heap(out));
    }
    Ok(Obj::heap(out))
}

// ----- generators -----

fn gen_result(vm: &mut Vm<'_>, r: ExecResult) -> PyResult<Obj> {
    match r {
        ExecResult::Yield(v) => Ok(v),
        ExecResult::Return(v) => {
            vm.push_root(v);
            let args: &[Obj] = if v == Obj::NONE { &[] } else { &[v] };
            let e = vm.raise_new(T_STOP_ITERATION, args);
            vm.pop_root();
            Err(e)
        }
    }
}

fn gen_send(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let r = vm.gen_resume(vm.arg(a, 0), vm.arg(a, 1), Obj::NULL)?;
    gen_result(vm, r)
}

fn gen_next(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let r = vm.gen_resume(vm.arg(a, 0), Obj::NONE, Obj::NULL)?;
    gen_result(vm, r)
}

fn iter_dunder_next(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    match vm.iter_next(vm.arg(a, 0))? {
        Some(v) => Ok(v),
        None => Err(vm.raise_bare(T_STOP_ITERATION)),
    }
}

fn gen_throw(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let mut exc = vm.arg(a, 1);
    if let Some(v) = vm.arg_pos(a, 2).filter(|v| *v != Obj::NONE) {
        // throw(type, value): an exception instance is thrown as it is.
        exc = if vm.is_exception(v) {
            v
        } else {
            vm.call_obj(exc, &[v])?
        };
    }
    vm.push_root(exc);
    let r = vm.gen_resume(vm.arg(a, 0), Obj::NONE, exc);
    vm.pop_root();
    gen_result(vm, r?)
}

/// `g.pend_throw(exc)`: `exc` is thrown at the next resume (None cancels); the previous one.
fn gen_pend_throw(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let g = vm.arg(a, 0);
    if vm.heap.get(g.bits(), 0) != 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "generator already executing"));
    }
    let prev = vm.heap.get_obj(g.bits(), 2);
    let exc = vm.arg(a, 1);
    let exc = if exc == Obj::NONE { Obj::NULL } else { exc };
    vm.heap.set_obj(g.bits(), 2, exc);
    Ok(if prev.is_null() { Obj::NONE } else { prev })
}

fn gen_close(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let g = vm.arg(a, 0);
    let frame = vm.heap.get_obj(g.bits(), 1);
    if frame.is_null() {
        return Ok(Obj::NONE);
    }
    let exc = vm.new_exception(T_GENERATOR_EXIT, &[])?;
    vm.push_root(exc);
    let r = vm.gen_resume(g, Obj::NONE, exc);
    vm.pop_root();
    match r {
        Ok(ExecResult::Yield(_)) => {
            Err(vm.raise_msg_str(T_RUNTIME_ERROR, "generator ignored GeneratorExit"))
        }
        Ok(ExecResult::Return(_)) => Ok(Obj::NONE),
        Err(e) => {
            if vm.is_instance_of(vm.exc, T_GENERATOR_EXIT)
                || vm.is_instance_of(vm.exc, T_STOP_ITERATION)
            {
                Ok(Obj::NONE)
            } else {
                Err(e)
            }
        }
    }
}

// ----- property -----

fn prop_with(vm: &mut Vm<'_>, a: &Args, slot: u32) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let p = vm.arg(a, 0);
    let w = vm.alloc(Kind::Wrapper, 4)?;
    for i in 1..4 {
        let v = vm.heap.get_obj(p.bits(), i);
        vm.heap.set_obj(w, i, v);
    }
    let f = vm.arg(a, 1);
    vm.heap.set_obj(w, slot, f);
    Ok(Obj::heap(w))
}

fn prop_getter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    prop_with(vm, a, 1)
}
fn prop_setter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    prop_with(vm, a, 2)
}
fn prop_deleter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    prop_with(vm, a, 3)
}

fn obj_init(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::object_init(vm, a)
}

/// `object.__setattr__(o, name, v)`: store in the instance dict, bypassing `__setattr__`.
fn obj_setattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 3)?;
    obj_dict_op(vm, a, vm.arg(a, 2))
}

/// `object.__delattr__(o, name)`: remove from the instance dict, bypassing `__delattr__`.
fn obj_delattr(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    obj_dict_op(vm, a, Obj::NULL)
}

fn obj_dict_op(vm: &mut Vm<'_>, a: &Args, v: Obj) -> PyResult<Obj> {
    let (o, name) = (vm.arg(a, 0), vm.arg(a, 1));
    if vm.str_data(name).is_none() {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "attribute name must be string"));
    }
    if !vm.is_kind(o, Kind::Instance) {
        return vm.store_attr(o, name, v).map(|()| Obj::NONE);
    }
    let d = vm.instance_dict(o)?;
    if v.is_null() {
        if vm.dict_remove(d, name)?.is_none() {
            return Err(vm.attr_error(o, name));
        }
    } else {
        vm.dict_store(d, name, v)?;
    }
    Ok(Obj::NONE)
}

/// `object.__new__(cls)`: a bare instance of `cls` (its `__init__` is not called).
fn obj_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let cls = vm.arg(a, 0);
    if !vm.is_kind(cls, Kind::Class) {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "arg must be user-type"));
    }
    let o = vm.alloc(Kind::Instance, 4)?;
    vm.heap.set_obj(o, 0, cls);
    let native = vm.native_base(cls);
    if native != T_OBJECT {
        vm.push_root(Obj::heap(o));
        let v = if is_exception_type(native) {
            vm.new_tuple(0)
        } else {
            let empty = Args {
                src: Obj::NULL,
                start: 0,
                n_pos: 0,
                n_kw: 0,
            };
            call_type(vm, native, &empty)
        };
        vm.pop_root();
        vm.heap.set_obj(o, 2, v?);
    }
    Ok(Obj::heap(o))
}

// ----- special methods MicroPython exposes on dict and set -----

fn dict_dunder_getitem(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.subscr_load(vm.arg(a, 0), vm.arg(a, 1))
}

fn dict_dunder_setitem(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 3)?;
    vm.subscr_store(vm.arg(a, 0), vm.arg(a, 1), vm.arg(a, 2))?;
    Ok(Obj::NONE)
}

fn dict_dunder_delitem(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    vm.subscr_store(vm.arg(a, 0), vm.arg(a, 1), Obj::NULL)?;
    Ok(Obj::NONE)
}

fn set_dunder_contains(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let r = vm.contains(vm.arg(a, 0), vm.arg(a, 1))?;
    Ok(Obj::bool(r))
}

// ----- sys.stdin / sys.stdout / sys.stderr -----

/// `stream.write(text)`: the text (or bytes) to the stream's sink; returns its byte count.
fn textio_write(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let Some(sink) = vm.stdio_sink(vm.arg(a, 0)) else {
        return Err(vm.raise_os_error(EPERM));
    };
    let v = vm.arg(a, 1);
    let Some(n) = vm.str_or_bytes(v).map(|(d, _)| d.len()) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    };
    vm.sink_write_obj(sink, v)?;
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(n as i64))
}

fn textio_flush(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(Obj::NONE)
}

/// `slice.indices(length)`: (start, stop, step) resolved against a sequence length.
fn slice_indices(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let n = vm.get_int(vm.arg(a, 1))?;
    let Ok(n) = u32::try_from(n) else {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "length should not be negative"));
    };
    let sb = vm.slice_bounds(vm.arg(a, 0), n)?;
    let items = [sb.start, sb.stop, sb.step].map(Obj::small_sat);
    vm.new_tuple_from(&items)
}
