//! `collections.deque` (after py/objdeque.c) and `collections.namedtuple` (after
//! py/objnamedtuple.c); the `collections` module itself is set up in `modules.rs`.

#[cfg(feature = "collections")]
use super::funcs::check_n;
use super::*;

// ----- collections.deque (after py/objdeque.c) -----
//
// A deque is an instance of the `collections.deque` class wrapping a list (slot 2), with
// `maxlen << 1 | overflow-check flag` in slot 3. Appending to a full deque drops an item
// from the other end (or raises IndexError("full") with the flag).

/// `deque(iterable, maxlen[, flags])`: the wrapped list, holding the last `maxlen` items.
#[cfg(feature = "collections")]
pub(super) fn deque_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let maxlen = vm.get_int(vm.arg(a, 1))?;
    if maxlen < 0 || Obj::small(maxlen << 1).is_none() {
        return Err(vm.raise_bare(T_VALUE_ERROR));
    }
    let l = vm.list_from_iter(vm.arg(a, 0))?;
    // Keep the last `maxlen` items.
    let n = vm.heap.get(l.bits(), 0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let drop = n.saturating_sub(maxlen as u32);
    for _ in 0..drop {
        list_take(vm, l, 0);
    }
    Ok(l)
}

/// (the wrapped list, maxlen, overflow check) of deque argument 0.
#[cfg(feature = "collections")]
pub(super) fn deque_parts(vm: &mut Vm<'_>, a: &Args) -> PyResult<(Obj, u32, bool)> {
    let d = vm.arg(a, 0);
    match vm.native_of(d).filter(|l| vm.is_kind(*l, Kind::List)) {
        Some(l) => {
            let m = vm.heap.get_obj(d.bits(), 3).as_small().unwrap_or(0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Ok((l, (m >> 1) as u32, m & 1 != 0))
        }
        None => Err(vm.raise_msg_str(T_TYPE_ERROR, "deque expected")),
    }
}

/// Remove and return item `i` of list `l` (which has one).
#[cfg(feature = "collections")]
fn list_take(vm: &mut Vm<'_>, l: Obj, i: u32) -> Obj {
    let n = vm.heap.get(l.bits(), 0);
    let store = vm.heap.get_obj(l.bits(), 1).bits();
    let v = vm.heap.get_obj(store, i);
    for k in i..n.saturating_sub(1) {
        let next = vm.heap.get_obj(store, k + 1);
        vm.heap.set_obj(store, k, next);
    }
    vm.heap.set_obj(store, n.saturating_sub(1), Obj::NULL);
    vm.heap.set(l.bits(), 0, n.saturating_sub(1));
    v
}

#[cfg(feature = "collections")]
pub(super) fn deque_push(vm: &mut Vm<'_>, a: &Args, v: Obj, left: bool) -> PyResult<Obj> {
    let (l, maxlen, check) = deque_parts(vm, a)?;
    let n = vm.heap.get(l.bits(), 0);
    if n >= maxlen {
        if check {
            return Err(vm.raise_msg_str(T_INDEX_ERROR, "full"));
        }
        if maxlen == 0 {
            return Ok(Obj::NONE);
        }
        list_take(vm, l, if left { n - 1 } else { 0 });
    }
    vm.list_append(l, v)?;
    if left {
        // Rotate the new last item to the front.
        let n = vm.heap.get(l.bits(), 0);
        let store = vm.heap.get_obj(l.bits(), 1).bits();
        for k in (1..n).rev() {
            let prev = vm.heap.get_obj(store, k - 1);
            vm.heap.set_obj(store, k, prev);
        }
        vm.heap.set_obj(store, 0, v);
    }
    Ok(Obj::NONE)
}

#[cfg(feature = "collections")]
pub(super) fn deque_append(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    deque_push(vm, a, vm.arg(a, 1), false)
}

#[cfg(feature = "collections")]
pub(super) fn deque_appendleft(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    deque_push(vm, a, vm.arg(a, 1), true)
}

#[cfg(feature = "collections")]
pub(super) fn deque_extend(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    deque_parts(vm, a)?;
    // A snapshot of the items first (the source may be this deque).
    let items = vm.list_from_iter(vm.arg(a, 1))?;
    vm.push_root(items);
    let mut r = Ok(Obj::NONE);
    let mut i = 0;
    while r.is_ok() && i < vm.heap.get(items.bits(), 0) {
        let store = vm.heap.get_obj(items.bits(), 1).bits();
        let v = vm.heap.get_obj(store, i);
        r = deque_push(vm, a, v, false);
        i += 1;
    }
    vm.pop_root();
    r
}

#[cfg(feature = "collections")]
pub(super) fn deque_take(vm: &mut Vm<'_>, a: &Args, left: bool) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (l, _, _) = deque_parts(vm, a)?;
    let n = vm.heap.get(l.bits(), 0);
    if n == 0 {
        return Err(vm.raise_msg_str(T_INDEX_ERROR, "empty"));
    }
    Ok(list_take(vm, l, if left { 0 } else { n - 1 }))
}

#[cfg(feature = "collections")]
pub(super) fn deque_pop(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    deque_take(vm, a, false)
}

#[cfg(feature = "collections")]
pub(super) fn deque_popleft(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    deque_take(vm, a, true)
}

/// `collections.namedtuple(name, fields)`: a class derived from tuple whose instances wrap a
/// native tuple; each field is a class attribute `Wrapper(3, index)` read from that tuple.
pub(super) fn namedtuple(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    super::funcs::check_pos(vm, a, 2, 2)?;
    let name = vm.arg(a, 0);
    let spec = vm.arg(a, 1);
    let base = vm.roots_len();
    let r = (|| {
        // Field names: a sequence of str, or one str separated by spaces/commas.
        let fields = if vm.str_data(spec).is_some() {
            let t = vm.new_tuple(0)?;
            vm.push_root(t);
            let cleaned = {
                let mut nb = crate::object::print::NumBuf::new();
                for &c in vm.str_data(spec).unwrap_or(&[]) {
                    nb.push(if c == b',' { b' ' } else { c });
                }
                nb
            };
            let s2 = vm.new_str_bytes(cleaned.as_bytes())?;
            vm.push_root(s2);
            let parts = vm.call_method_by_name(s2, b"split", &[])?;
            vm.push_root(parts);
            vm.tuple_from_iter(parts)?
        } else {
            vm.tuple_from_iter(spec)?
        };
        vm.push_root(fields);
        let d = vm.new_dict(0)?;
        vm.push_root(d);
        let key = vm.new_str_bytes(b"_fields")?;
        vm.dict_store(d, key, fields)?;
        for i in 0..vm.tuple_len(fields) {
            let w = vm.alloc(Kind::Wrapper, 4)?;
            vm.heap.set(w, 0, 3);
            vm.heap.set_obj(w, 1, Obj::small_sat(i64::from(i)));
            let f = vm.heap.get_obj(fields.bits(), i + 1);
            vm.push_root(Obj::heap(w));
            vm.dict_store(d, f, Obj::heap(w))?;
            vm.pop_root();
        }
        let new_key = vm.new_str_bytes(b"__new__")?;
        vm.push_root(new_key);
        #[allow(clippy::cast_possible_truncation)]
        let nt_new = super::modules::MODULE_FNS
            .iter()
            .position(|f| f.name == "__nt_new")
            .map_or(0, |i| BUILTINS.len() + i) as u32;
        let w = vm.alloc(Kind::Wrapper, 4)?;
        vm.heap.set(w, 0, 2);
        vm.heap.set_obj(w, 1, Obj::imm(Imm::Builtin, nt_new));
        vm.push_root(Obj::heap(w));
        vm.dict_store(d, new_key, Obj::heap(w))?;
        let bases = vm.new_tuple_from(&[type_obj(T_TUPLE)])?;
        vm.push_root(bases);
        // A namedtuple is a native type in MicroPython: never "already subclassed".
        let c = vm.new_class(name, bases, d)?;
        vm.set_class_flags(c, crate::object::attr::CLASS_HAS_SPECIAL);
        Ok(c)
    })();
    vm.truncate_roots(base);
    r
}

/// `__new__` of a namedtuple class: (cls, *values, **by_name).
pub(super) fn namedtuple_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let cls = vm.arg(a, 0);
    // Subclasses of a namedtuple class inherit its fields.
    let fields = vm.class_lookup(cls, b"_fields").unwrap_or(Obj::NULL);
    let n = vm.tuple_len(fields);
    // objnamedtuple.c counts positional and keyword arguments together.
    let given = a.n_pos - 1 + a.n_kw;
    if given != n {
        let name = crate::vm::StrOf(vm.type_name_of_type(cls));
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &name,
                &"() takes ",
                &n,
                &" positional arguments but ",
                &given,
                &" were given",
            ],
        ));
    }
    let t = vm.new_tuple(n)?;
    vm.push_root(t);
    for i in 1..a.n_pos {
        let v = vm.arg(a, i);
        vm.heap.set_obj(t.bits(), i, v);
    }
    for k in 0..a.n_kw {
        let (key, v) = vm.kw_pair(a, k);
        let pos = (0..n).find(|&i| {
            let f = vm.heap.get_obj(fields.bits(), i + 1);
            vm.str_data(f).is_some() && vm.str_data(f) == vm.str_data(key)
        });
        let kw = crate::vm::StrOf(key);
        match pos {
            Some(i) if vm.heap.get_obj(t.bits(), i + 1).is_null() => {
                vm.heap.set_obj(t.bits(), i + 1, v);
            }
            Some(_) => {
                vm.pop_root();
                return Err(vm.raise_parts(
                    T_TYPE_ERROR,
                    &[&"function got multiple values for argument '", &kw, &"'"],
                ));
            }
            None => {
                vm.pop_root();
                return Err(
                    vm.raise_parts(T_TYPE_ERROR, &[&"unexpected keyword argument '", &kw, &"'"])
                );
            }
        }
    }
    vm.pop_root();
    vm.new_instance_of(cls, t)
}
