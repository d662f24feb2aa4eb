//! The `select` module (after extmod/modselect.c as bare-metal ports build it, without the
//! POSIX file-descriptor path): `select.poll()` objects that `asyncio` waits on, and the
//! `POLLIN` / `POLLOUT` / `POLLERR` / `POLLHUP` flags; the module itself is set up in
//! `modules.rs`.
//!
//! A poll object is an instance of the built-in `poll` type wrapping a list (slot 2): item 0 is the
//! tuple `ipoll` reuses for every result (None until the first `ipoll`), then one
//! `(object, events, revents)` triple per registered stream, in registration order.
//! Slot 3 holds the `ipoll` iteration state: `next index << 16 | results left << 1 | oneshot`.
//!
//! A stream is polled by its `ioctl(MP_STREAM_POLL, events)`: a Python stream (a subclass
//! of `io.IOBase`) has its `ioctl` method called; `sys.stdout` / `sys.stderr` are always
//! writable, `sys.stdin` never readable; `StringIO` / `BytesIO` have no poll request
//! (OSError EINVAL). Waiting uses the port's clock and idle wait ([`crate::Output::ticks_ms`],
//! [`crate::Output::wait_event`]), and runs scheduled callbacks (soft interrupts) between
//! checks, as `mp_event_wait_ms` does.

use super::funcs::check_n;
use super::*;
use crate::native::{EINVAL, ENOENT};

/// The poll request of the stream protocol (py/stream.h's MP_STREAM_POLL).
const MP_STREAM_POLL: i64 = 3;
/// MP_STREAM_POLL_RD / _WR / _ERR / _HUP: `select.POLLIN` ... `POLLHUP`.
pub(super) const POLL_FLAGS: [(&str, i64); 4] = [
    ("POLLIN", POLL_RD),
    ("POLLOUT", POLL_WR),
    ("POLLERR", 8),
    ("POLLHUP", 16),
];
const POLL_RD: i64 = 1;
const POLL_WR: i64 = 4;
/// `ipoll`'s flag: a stream that reported an event is polled for nothing until `modify`.
const FLAG_ONESHOT: i64 = 1;

/// `select.poll()`: a new poll object.
pub(super) fn select_poll(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 0)?;
    let l = vm.new_list(1, 4)?;
    vm.list_set(l, 0, Obj::NONE);
    vm.new_instance_of(type_obj(T_POLL), l)
}

/// The entry list of poll object argument 0.
fn entries(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let p = vm.arg(a, 0);
    if vm.is_poll(p) {
        let l = vm.heap.get_obj(p.bits(), 2);
        if vm.is_kind(l, Kind::List) {
            return Ok(l);
        }
    }
    Err(vm.raise_msg_str(T_TYPE_ERROR, "poll expected"))
}

/// Item `i` of entry list `l` (NULL past its end).
fn item(vm: &Vm<'_>, l: Obj, i: u32) -> Obj {
    vm.seq_parts(l).map_or(Obj::NULL, |p| vm.seq_get(p, i))
}

/// The number of registered streams.
fn count(vm: &Vm<'_>, l: Obj) -> u32 {
    vm.heap.get(l.bits(), 0).saturating_sub(1) / 3
}

/// The list index of stream `o`'s triple, if registered.
fn find(vm: &Vm<'_>, l: Obj, o: Obj) -> Option<u32> {
    (0..count(vm, l))
        .map(|k| 1 + 3 * k)
        .find(|&i| item(vm, l, i) == o)
}

fn small(vm: &Vm<'_>, l: Obj, i: u32) -> i64 {
    item(vm, l, i).as_small().unwrap_or(0)
}

/// Does `o` have the stream protocol's ioctl (mp_get_stream_raise)?
fn is_pollable(vm: &Vm<'_>, o: Obj) -> bool {
    vm.is_iobase(o) || vm.is_io_stream(o) || vm.stdio_fd(o).is_some()
}

/// The stream's answer to MP_STREAM_POLL for `events`: the events that are ready.
fn poll_stream(vm: &mut Vm<'_>, o: Obj, events: i64) -> PyResult<i64> {
    if vm.is_iobase(o) {
        let args = [Obj::small_sat(MP_STREAM_POLL), Obj::small_sat(events)];
        let r = vm.call_method_by_name(o, b"ioctl", &args)?;
        let ready = vm.get_int(r)?;
        if ready < 0 {
            return Err(vm.raise_os_error(i32::try_from(-ready).unwrap_or(i32::MAX)));
        }
        return Ok(ready);
    }
    match vm.stdio_fd(o) {
        Some(0) => Ok(0),
        Some(_) => Ok(events & POLL_WR),
        None => Err(vm.raise_os_error(EINVAL)),
    }
}

/// `poll.register(obj[, eventmask])`: watch `obj` for `eventmask` (POLLIN | POLLOUT by
/// default); registering it again replaces its mask.
pub(super) fn poll_register(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let l = entries(vm, a)?;
    let o = vm.arg(a, 1);
    let events = match vm.arg_pos(a, 2) {
        Some(e) => vm.get_int(e)?,
        None => POLL_RD | POLL_WR,
    };
    let events = Obj::small_sat(events);
    if let Some(i) = find(vm, l, o) {
        vm.list_set(l, i + 1, events);
        return Ok(Obj::NONE);
    }
    if !is_pollable(vm, o) {
        return Err(vm.raise_msg_str(T_OS_ERROR, "stream operation not supported"));
    }
    for v in [o, events, Obj::small_sat(0)] {
        vm.list_append(l, v)?;
    }
    Ok(Obj::NONE)
}

/// `poll.unregister(obj)`: stop watching `obj` (nothing if it is not registered).
pub(super) fn poll_unregister(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let l = entries(vm, a)?;
    if let Some(i) = find(vm, l, vm.arg(a, 1)) {
        for _ in 0..3 {
            vm.list_remove_at(l, i);
        }
    }
    Ok(Obj::NONE)
}

/// `poll.modify(obj, eventmask)`: OSError ENOENT if `obj` is not registered.
pub(super) fn poll_modify(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 3, 3)?;
    let l = entries(vm, a)?;
    let Some(i) = find(vm, l, vm.arg(a, 1)) else {
        return Err(vm.raise_os_error(ENOENT));
    };
    let events = vm.get_int(vm.arg(a, 2))?;
    vm.list_set(l, i + 1, Obj::small_sat(events));
    Ok(Obj::NONE)
}

/// Poll every registered stream once, recording its ready events; how many have some.
fn poll_once(vm: &mut Vm<'_>, l: Obj) -> PyResult<u32> {
    let mut ready = 0;
    let mut k = 0;
    // The list is re-read at each step: a stream's ioctl may (un)register streams.
    while k < count(vm, l) {
        let i = 1 + 3 * k;
        let o = item(vm, l, i);
        let events = small(vm, l, i + 1);
        let revents = poll_stream(vm, o, events)?;
        if item(vm, l, i) == o {
            vm.list_set(l, i + 2, Obj::small_sat(revents));
        }
        if revents != 0 {
            ready += 1;
        }
        k += 1;
    }
    Ok(ready)
}

/// Poll until a stream is ready or `timeout_ms` (None: no limit) has passed
/// (poll_set_poll_until_ready_or_timeout); how many streams are ready.
fn poll_until(vm: &mut Vm<'_>, l: Obj, timeout_ms: Option<u32>) -> PyResult<u32> {
    let start = vm.out.ticks_ms();
    vm.run_pending();
    loop {
        let ready = poll_once(vm, l)?;
        if ready > 0 {
            return Ok(ready);
        }
        match timeout_ms {
            Some(t) => {
                let elapsed = match (start, vm.out.ticks_ms()) {
                    (Some(s), Some(now)) => now.wrapping_sub(s),
                    // Without a clock a timeout cannot be waited for: one check only.
                    _ => t,
                };
                if elapsed >= t {
                    return Ok(0);
                }
                vm.out.wait_event(Some(t - elapsed));
            }
            None => vm.out.wait_event(None),
        }
        vm.run_pending();
    }
}

/// The timeout argument `i` in milliseconds: None (absent, None or negative) is no limit.
fn timeout_arg(vm: &mut Vm<'_>, a: &Args, i: u32) -> PyResult<Option<u32>> {
    match vm.arg_pos(a, i).filter(|t| *t != Obj::NONE) {
        Some(t) => Ok(u32::try_from(vm.get_int(t)?).ok()),
        None => Ok(None),
    }
}

/// `poll.poll([timeout])`: a list of `(obj, events)` for the ready streams.
pub(super) fn poll_poll(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let l = entries(vm, a)?;
    let timeout = timeout_arg(vm, a, 1)?;
    set_iteration(vm, vm.arg(a, 0), 0, 0, 0);
    poll_until(vm, l, timeout)?;
    let out = vm.new_list(0, 0)?;
    vm.push_root(out);
    // (Making the pairs runs no Python code: the entries stay as they are.)
    let r = (|| {
        for i in (0..count(vm, l)).map(|k| 1 + 3 * k) {
            let revents = item(vm, l, i + 2);
            if revents.as_small().unwrap_or(0) != 0 {
                let pair = vm.new_tuple_from(&[item(vm, l, i), revents])?;
                vm.list_append(out, pair)?;
            }
        }
        Ok(out)
    })();
    vm.pop_root();
    r
}

/// Store poll object `p`'s `ipoll` iteration state.
fn set_iteration(vm: &mut Vm<'_>, p: Obj, next: u32, left: u32, flags: i64) {
    let state = i64::from(next.min(0x7fff)) << 16 | i64::from(left.min(0x7fff)) << 1 | flags;
    vm.heap.set_obj(p.bits(), 3, Obj::small_sat(state));
}

/// `poll.ipoll([timeout[, flags]])`: poll, then iterate over the ready streams, each as
/// the same reused `(obj, events)` tuple (no allocation per event); flag 1 is one-shot.
pub(super) fn poll_ipoll(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 3)?;
    let l = entries(vm, a)?;
    if item(vm, l, 0) == Obj::NONE {
        let t = vm.new_tuple_from(&[Obj::NONE, Obj::NONE])?;
        vm.list_set(l, 0, t);
    }
    let timeout = timeout_arg(vm, a, 1)?;
    let flags = match vm.arg_pos(a, 2) {
        Some(f) => vm.get_int(f)?,
        None => 0,
    };
    set_iteration(vm, vm.arg(a, 0), 0, 0, flags & FLAG_ONESHOT);
    let ready = poll_until(vm, l, timeout)?;
    set_iteration(vm, vm.arg(a, 0), 0, ready, flags & FLAG_ONESHOT);
    Ok(vm.arg(a, 0))
}

pub(super) fn poll_iter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    entries(vm, a)?;
    Ok(vm.arg(a, 0))
}

/// `next(poll)`: the next ready stream after `ipoll`.
pub(super) fn poll_next(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    entries(vm, a)?;
    match vm.poll_iter_next(vm.arg(a, 0))? {
        Some(t) => Ok(t),
        None => Err(vm.raise_bare(T_STOP_ITERATION)),
    }
}

impl Vm<'_> {
    /// Is `o` a poll object (its own iterator)?
    pub(crate) fn is_poll(&self, o: Obj) -> bool {
        self.is_builtin_instance(o, T_POLL)
    }

    /// The next ready stream of poll object `p` after `ipoll` (poll_iternext), as the reused
    /// `(obj, events)` tuple; None at the end.
    pub(crate) fn poll_iter_next(&mut self, p: Obj) -> PyResult<Option<Obj>> {
        let l = self.heap.get_obj(p.bits(), 2);
        if !self.is_kind(l, Kind::List) {
            return Ok(None);
        }
        let state = self.heap.get_obj(p.bits(), 3).as_small().unwrap_or(0);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (mut next, left, oneshot) = (
            (state >> 16) as u32,
            (state >> 1 & 0x7fff) as u32,
            state & 1,
        );
        if left == 0 {
            return Ok(None);
        }
        let mut found = None;
        while next < count(self, l) {
            let i = 1 + 3 * next;
            next += 1;
            let revents = item(self, l, i + 2);
            if revents.as_small().unwrap_or(0) != 0 {
                let t = item(self, l, 0);
                if self.is_kind(t, Kind::Tuple) && self.tuple_len(t) == 2 {
                    self.heap.set_obj(t.bits(), 1, item(self, l, i));
                    self.heap.set_obj(t.bits(), 2, revents);
                }
                if oneshot != 0 {
                    self.list_set(l, i + 1, Obj::small_sat(0));
                }
                found = Some(t);
                break;
            }
        }
        let left = if found.is_some() { left - 1 } else { 0 };
        set_iteration(self, p, next, left, oneshot);
        Ok(found)
    }
}
