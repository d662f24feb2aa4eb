//! The `heapq` module (after extmod/modheapq.c): `heappush`, `heappop` and `heapify` on a
//! list, ordered by `<`. A comparison may run Python code that changes the list, so every
//! access re-reads the list's length (an item that has gone ends the sift).

use super::funcs::check_n;
use super::*;
use mpy_format::opcode::BinaryOp;

/// The list argument `i`.
fn heap_arg(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let l = vm.arg(a, 0);
    if !vm.is_kind(l, Kind::List) {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "heap must be a list"));
    }
    Ok(l)
}

fn len(vm: &Vm<'_>, l: Obj) -> u32 {
    vm.heap.get(l.bits(), 0)
}

/// Item `i` (NULL once the list is shorter).
fn get(vm: &Vm<'_>, l: Obj, i: u32) -> Obj {
    vm.seq_parts(l).map_or(Obj::NULL, |p| vm.seq_get(p, i))
}

fn set(vm: &mut Vm<'_>, l: Obj, i: u32, v: Obj) {
    if i < len(vm, l) {
        vm.list_set(l, i, v);
    }
}

/// `a < b` is exactly True (`want` true) / exactly False (`want` false), as modheapq.c tests.
fn less_is(vm: &mut Vm<'_>, a: Obj, b: Obj, want: bool) -> PyResult<bool> {
    Ok(vm.binary_op(BinaryOp::LESS, a, b)? == Obj::bool(want))
}

/// Move the item at `pos` up towards `start` while it is less than its parent.
fn sift_down(vm: &mut Vm<'_>, l: Obj, start: u32, mut pos: u32) -> PyResult<()> {
    let item = get(vm, l, pos);
    if item.is_null() {
        return Ok(());
    }
    vm.push_root(item);
    let r = (|| {
        while pos > start {
            let parent_pos = (pos - 1) >> 1;
            let parent = get(vm, l, parent_pos);
            if parent.is_null() || !less_is(vm, item, parent, true)? {
                break;
            }
            set(vm, l, pos, parent);
            pos = parent_pos;
        }
        set(vm, l, pos, item);
        Ok(())
    })();
    vm.pop_root();
    r
}

/// Move the smaller child up until a leaf, put the item at `pos` there, then sift it down.
fn sift_up(vm: &mut Vm<'_>, l: Obj, mut pos: u32) -> PyResult<()> {
    let (start, end) = (pos, len(vm, l));
    let item = get(vm, l, pos);
    if item.is_null() {
        return Ok(());
    }
    vm.push_root(item);
    let r = (|| {
        let mut child = 2 * pos + 1;
        while child < end {
            if child + 1 < end {
                let (x, y) = (get(vm, l, child), get(vm, l, child + 1));
                if x.is_null() || y.is_null() {
                    break;
                }
                if less_is(vm, x, y, false)? {
                    child += 1;
                }
            }
            let c = get(vm, l, child);
            set(vm, l, pos, c);
            pos = child;
            child = 2 * pos + 1;
        }
        set(vm, l, pos, item);
        sift_down(vm, l, start, pos)
    })();
    vm.pop_root();
    r
}

/// `heappush(heap, item)`.
pub(super) fn heapq_heappush(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let l = heap_arg(vm, a)?;
    vm.list_append(l, vm.arg(a, 1))?;
    sift_down(vm, l, 0, len(vm, l) - 1)?;
    Ok(Obj::NONE)
}

/// `heappop(heap)`: the smallest item.
pub(super) fn heapq_heappop(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let l = heap_arg(vm, a)?;
    let n = len(vm, l);
    if n == 0 {
        return Err(vm.raise_msg_str(T_INDEX_ERROR, "empty heap"));
    }
    let first = get(vm, l, 0);
    let last = get(vm, l, n - 1);
    vm.list_set(l, n - 1, Obj::NULL);
    vm.heap.set(l.bits(), 0, n - 1);
    set(vm, l, 0, last);
    vm.push_root(first);
    let r = if n > 1 { sift_up(vm, l, 0) } else { Ok(()) };
    vm.pop_root();
    r.map(|()| first)
}

/// `heapify(list)`: reorder in place into a heap.
pub(super) fn heapq_heapify(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let l = heap_arg(vm, a)?;
    let mut i = len(vm, l) / 2;
    while i > 0 {
        i -= 1;
        sift_up(vm, l, i)?;
    }
    Ok(Obj::NONE)
}
