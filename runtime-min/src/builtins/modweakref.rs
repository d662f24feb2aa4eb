//! The `weakref` module (after py/modweakref.c, MicroPython 1.29): `weakref.ref` and
//! `weakref.finalize`, and their part in the collector.
//!
//! Both are instances of built-in types. Slot 2 holds the referent as a small int (its heap
//! offset / 4, which the collector does not follow), None once it is gone, or
//! [`CALLBACK_DUE`] between the collection that freed it and its callback. Slot 3 holds a
//! ref's callback (None: none) or a finalizer's call as the tuple
//! `(callback, n_args, n_kw, args..., key, value, ...)`.
//!
//! The VM's registry (`Vm::weakrefs`, a list) has one entry per live weak object: a ref as
//! a small int (so the registry does not keep it alive; the user holds it), a finalizer as
//! itself (it lives as long as its referent, as in MicroPython). Entries are ordered as
//! MicroPython's per-object lists run their callbacks: finalizers newest first, then refs
//! newest first. After marking, [`Vm::weakref_sweep`] drops the entries of dead refs and
//! invalidates those whose referent is dead; their callbacks run after the collection
//! ([`Vm::run_weakref_callbacks`]): at once for `gc.collect()`, else at the next branch.

use super::funcs::check_n;
use super::*;
use crate::object::print::Sink;

/// Slot 2 of a weak object whose referent was freed and whose callback has not run yet.
const CALLBACK_DUE: Obj = crate::object::dict::SENTINEL;

/// The registry form of weak object `w`: a ref as its offset (not followed), else itself.
fn entry_of(vm: &Vm<'_>, w: Obj) -> Obj {
    if vm.is_builtin_instance(w, T_WEAKREF_REF) {
        Obj::small_sat(i64::from(w.bits() >> 2))
    } else {
        w
    }
}

/// The weak object of registry entry `e`.
fn weak_of(e: Obj) -> Obj {
    match e.as_small() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(n) => Obj::heap((n as u32) << 2),
        None => e,
    }
}

/// Registry entry `i` (NULL past the end).
fn registry_entry(vm: &Vm<'_>, i: u32) -> Obj {
    vm.seq_parts(vm.weakrefs)
        .map_or(Obj::NULL, |p| vm.seq_get(p, i))
}

/// Finalizer `w`'s call tuple `(callback, n_args, n_kw, args..., pairs...)` and its counts.
fn finalizer_call(vm: &Vm<'_>, w: Obj) -> (Obj, u32, u32) {
    let call = vm.heap.get_obj(w.bits(), 3);
    let count = |i| {
        let n = vm.heap.get_obj(call.bits(), i).as_small().unwrap_or(0);
        u32::try_from(n).unwrap_or(0)
    };
    (call, count(2), count(3))
}

/// `weakref.ref(obj[, callback])` and `weakref.finalize(obj, func, *args, **kwargs)`.
pub(super) fn weakref_new(vm: &mut Vm<'_>, ty: u32, a: &Args) -> PyResult<Obj> {
    if ty == T_WEAKREF_REF {
        check_n(vm, a, 1, 2)?;
    } else if a.n_pos < 2 {
        return Err(vm.raise_parts(
            T_TYPE_ERROR,
            &[
                &"function missing ",
                &(2 - a.n_pos),
                &" required positional arguments",
            ],
        ));
    }
    let target = vm.arg(a, 0);
    // Only objects of the heap can be referred to (not None, small ints, interned strings,
    // the empty tuple, which MicroPython keeps in ROM).
    let in_heap = target.heap_offset().is_some()
        && !(vm.is_kind(target, Kind::Tuple) && vm.tuple_len(target) == 0);
    if !in_heap {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "not a heap object"));
    }
    let base = vm.roots_len();
    let r = (|| {
        if vm.weakrefs.is_null() {
            vm.weakrefs = vm.new_list(0, 4)?;
        }
        let extra = if ty == T_WEAKREF_REF {
            if a.n_pos > 1 {
                vm.arg(a, 1)
            } else {
                Obj::NONE
            }
        } else {
            // (callback, n_args, n_kw, args..., keyword pairs...)
            let n_args = a.n_pos - 2;
            let t = vm.new_tuple(3 + n_args + 2 * a.n_kw)?;
            vm.heap.set_obj(t.bits(), 1, vm.arg(a, 1));
            vm.heap
                .set_obj(t.bits(), 2, Obj::small_sat(i64::from(n_args)));
            vm.heap
                .set_obj(t.bits(), 3, Obj::small_sat(i64::from(a.n_kw)));
            for i in 0..n_args + 2 * a.n_kw {
                let v = vm.arg_raw(a, 2 + i);
                vm.heap.set_obj(t.bits(), 4 + i, v);
            }
            t
        };
        vm.push_root(extra);
        let w = vm.new_instance_of(type_obj(ty), Obj::small_sat(i64::from(target.bits() >> 2)))?;
        vm.heap.set_obj(w.bits(), 3, extra);
        vm.push_root(w);
        // Its place among the entries of the same referent: a finalizer first, a ref after
        // the finalizers (a new referent's entries go last).
        let reg = vm.weakrefs;
        let n = vm.seq_parts(reg).map_or(0, |p| p.2);
        let mut at = n;
        for i in 0..n {
            let e = weak_of(registry_entry(vm, i));
            if vm.heap.get_obj(e.bits(), 2) != vm.heap.get_obj(w.bits(), 2) {
                continue;
            }
            if ty == T_WEAKREF_FINALIZE || !vm.is_builtin_instance(e, T_WEAKREF_FINALIZE) {
                at = i;
                break;
            }
        }
        let entry = entry_of(vm, w);
        vm.list_insert(reg, at, entry)?;
        Ok(w)
    })();
    vm.truncate_roots(base);
    r
}

/// The referent of weak object `w`, if it is still alive.
fn referent(vm: &Vm<'_>, w: Obj) -> Option<Obj> {
    let r = vm.heap.get_obj(w.bits(), 2);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    r.as_small().map(|n| Obj::heap((n as u32) << 2))
}

/// Take weak object `w` out of the registry and mark its referent gone.
fn detach(vm: &mut Vm<'_>, w: Obj) {
    vm.heap.set_obj(w.bits(), 2, Obj::NONE);
    let reg = vm.weakrefs;
    let entry = entry_of(vm, w);
    let n = vm.seq_parts(reg).map_or(0, |p| p.2);
    if let Some(i) = (0..n).find(|&i| registry_entry(vm, i) == entry) {
        vm.list_remove_at(reg, i);
    }
}

/// `finalize.peek()`: `(obj, func, args, kwargs)` while alive, else None.
pub(super) fn finalize_peek(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    peek_detach(vm, vm.arg(a, 0), false)
}

/// `finalize.detach()`: as `peek()`, and the finalizer will not run.
pub(super) fn finalize_detach(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    peek_detach(vm, vm.arg(a, 0), true)
}

fn peek_detach(vm: &mut Vm<'_>, w: Obj, detaching: bool) -> PyResult<Obj> {
    let Some(target) = referent(vm, w) else {
        return Ok(Obj::NONE);
    };
    let (call, n_args, n_kw) = finalizer_call(vm, w);
    let item = |vm: &Vm<'_>, i: u32| vm.heap.get_obj(call.bits(), 1 + i);
    let base = vm.roots_len();
    let r = (|| {
        let args = vm.new_tuple(n_args)?;
        vm.push_root(args);
        for i in 0..n_args {
            vm.heap.set_obj(args.bits(), 1 + i, item(vm, 3 + i));
        }
        let kwargs = vm.new_dict(n_kw)?;
        vm.push_root(kwargs);
        for i in 0..n_kw {
            let (k, v) = (item(vm, 3 + n_args + 2 * i), item(vm, 4 + n_args + 2 * i));
            vm.dict_store(kwargs, k, v)?;
        }
        vm.new_tuple_from(&[target, item(vm, 0), args, kwargs])
    })();
    vm.truncate_roots(base);
    if detaching && r.is_ok() {
        detach(vm, w);
    }
    r
}

impl Vm<'_> {
    /// Calling a ref: its referent or None. Calling a finalizer: detach it and call its
    /// function (None if it was detached).
    pub(crate) fn weak_call(&mut self, w: Obj) -> PyResult<Obj> {
        if self.is_builtin_instance(w, T_WEAKREF_REF) {
            return Ok(referent(self, w).unwrap_or(Obj::NONE));
        }
        if referent(self, w).is_none() {
            return Ok(Obj::NONE);
        }
        detach(self, w);
        self.call_finalizer(w)
    }

    /// `finalize.alive`.
    pub(crate) fn finalize_attr(&self, o: Obj, name: &[u8]) -> Option<Obj> {
        (name == b"alive" && self.is_builtin_instance(o, T_WEAKREF_FINALIZE))
            .then(|| Obj::bool(referent(self, o).is_some()))
    }

    /// Call finalizer `w`'s function with its arguments.
    fn call_finalizer(&mut self, w: Obj) -> PyResult<Obj> {
        let (call, n_pos, n_kw) = finalizer_call(self, w);
        let f = self.heap.get_obj(call.bits(), 1);
        let a = Args {
            src: call,
            start: 4,
            n_pos,
            n_kw,
        };
        self.push_root(call);
        let r = self.call(f, &a);
        self.pop_root();
        r
    }

    /// Collector step between marking and sweeping: forget refs that are garbage, and
    /// invalidate weak objects whose referent is (those with a callback keep their entry,
    /// as themselves, until it has run).
    pub(crate) fn weakref_sweep(&mut self) {
        let reg = self.weakrefs;
        let Some(parts) = self.seq_parts(reg) else {
            return;
        };
        let mut kept = 0;
        for i in 0..parts.2 {
            let e = self.seq_get(parts, i);
            let w = weak_of(e);
            if !self.heap.is_marked(w) {
                continue;
            }
            let slot = self.heap.get_obj(w.bits(), 2);
            let keep = if slot == CALLBACK_DUE {
                Some(w)
            } else {
                match referent(self, w) {
                    None => None,
                    Some(r) if self.heap.is_marked(r) => Some(e),
                    Some(_) => {
                        let callback = self.heap.get_obj(w.bits(), 3);
                        if callback == Obj::NONE {
                            self.heap.set_obj(w.bits(), 2, Obj::NONE);
                            None
                        } else {
                            self.heap.set_obj(w.bits(), 2, CALLBACK_DUE);
                            self.weakref_due = true;
                            Some(w)
                        }
                    }
                }
            };
            if let Some(k) = keep {
                self.list_set(reg, kept, k);
                kept += 1;
            }
        }
        // The storage past `kept` may hold stale entries: the list length hides them.
        self.heap.set(reg.bits(), 0, kept);
    }

    /// Run the callbacks of weak objects whose referent was freed, in registry order. An
    /// exception in one is printed ("Unhandled exception in weakref callback:") and the
    /// others still run.
    pub(crate) fn run_weakref_callbacks(&mut self) {
        if !self.weakref_due {
            return;
        }
        self.weakref_due = false;
        let mut i = 0;
        loop {
            let reg = self.weakrefs;
            let Some(parts) = self.seq_parts(reg) else {
                return;
            };
            if i >= parts.2 {
                return;
            }
            let w = weak_of(self.seq_get(parts, i));
            if self.heap.get_obj(w.bits(), 2) != CALLBACK_DUE {
                i += 1;
                continue;
            }
            self.heap.set_obj(w.bits(), 2, Obj::NONE);
            self.list_remove_at(reg, i);
            self.push_root(w);
            let r = if self.is_builtin_instance(w, T_WEAKREF_REF) {
                let callback = self.heap.get_obj(w.bits(), 3);
                self.call_obj(callback, &[w])
            } else {
                self.call_finalizer(w)
            };
            self.pop_root();
            if r.is_err() {
                let exc = self.exc;
                self.push_root(exc);
                let _ = self.sink_write(Sink::Err, b"Unhandled exception in weakref callback:\n");
                let _ = self.write_traceback(Sink::Err, exc);
                self.pop_root();
            }
        }
    }
}
