//! `io.StringIO` and `io.BytesIO` (after py/objstringio.c); the `io` module itself is set up in
//! `modules.rs`.

use super::funcs::{check_n, read_size_arg};
use super::methods::bytearray_push;
use super::*;
use crate::native::EAGAIN;
#[cfg(feature = "json")]
use crate::object::print::Sink;

/// The errno values the stream protocol reports (py/mperrno.h).
const EIO: i64 = 5;

// ----- io.StringIO / io.BytesIO (after py/objstringio.c) -----
//
// A stream is an instance of the `io.StringIO` / `io.BytesIO` class wrapping a bytearray
// buffer (slot 2), with `position << 1 | closed` in slot 3.

/// `StringIO(initial)` / `BytesIO(initial)`: the buffer (position 0).
pub(super) fn io_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    let init = match vm.arg_pos(a, 0) {
        Some(v) if vm.str_or_bytes(v).is_some() => v,
        _ => vm.new_bytes(&[])?,
    };
    vm.push_root(init);
    let empty = vm.new_bytes(&[]);
    let r = empty.and_then(|e| {
        let ba = vm.bytearray_from(e)?;
        vm.push_root(ba);
        let n = vm.str_or_bytes(init).map_or(0, |(d, _)| d.len());
        let r = io_copy_in(vm, ba, 0, init, 0, n);
        vm.pop_root();
        r.map(|()| ba)
    });
    vm.pop_root();
    r
}

/// (buffer, position, is BytesIO) of stream argument 0; ValueError once closed.
pub(super) fn io_parts(vm: &mut Vm<'_>, a: &Args) -> PyResult<(Obj, usize, bool)> {
    let s = vm.arg(a, 0);
    let Some(buf) = vm.native_of(s).filter(|b| vm.is_kind(*b, Kind::ByteArray)) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "stream expected"));
    };
    let m = vm.heap.get_obj(s.bits(), 3).as_small().unwrap_or(0);
    if m & 1 != 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "I/O operation on closed file"));
    }
    let is_bytes = vm.native_base(vm.heap.get_obj(s.bits(), 0)) == T_BYTESIO;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok((buf, (m >> 1) as usize, is_bytes))
}

pub(super) fn io_set(vm: &mut Vm<'_>, a: &Args, pos: usize, closed: bool) {
    #[allow(clippy::cast_possible_wrap)]
    let m = Obj::small_sat((pos as i64) << 1 | i64::from(closed));
    vm.heap.set_obj(vm.arg(a, 0).bits(), 3, m);
}

/// The bytes of a str or of any object with the buffer protocol.
fn data_of<'v>(vm: &'v Vm<'_>, src: Obj) -> Option<&'v [u8]> {
    match vm.str_or_bytes(src) {
        Some((d, _)) => Some(d),
        None => vm.buffer_data(src).map(|(d, _)| d),
    }
}

/// Copy `n` bytes of `src` (a str or buffer) from byte `from` into bytearray `ba` at `at`,
/// growing it (zero-filled).
pub(super) fn io_copy_in(
    vm: &mut Vm<'_>,
    ba: Obj,
    at: usize,
    src: Obj,
    from: usize,
    n: usize,
) -> PyResult<()> {
    let len = vm.heap.get(ba.bits(), 0) as usize;
    let mut grow = (at + n).saturating_sub(len);
    while grow > 0 {
        let m = grow.min(64);
        bytearray_push(vm, ba, &[0; 64][..m])?;
        grow -= m;
    }
    let total = vm.heap.get(ba.bits(), 0);
    let mut k = 0;
    while k < n {
        let mut chunk = [0u8; 64];
        let m = (n - k).min(chunk.len());
        if let Some(s) = data_of(vm, src).and_then(|d| d.get(from + k..from + k + m)) {
            chunk[..m].copy_from_slice(s);
        }
        let store = vm.heap.get_obj(ba.bits(), 1).bits();
        if let Some(d) = vm
            .heap
            .bytes_mut(store, 1, total)
            .get_mut(at + k..at + k + m)
        {
            d.copy_from_slice(&chunk[..m]);
        }
        k += m;
    }
    Ok(())
}

/// A new str (or bytes) of buffer bytes `from..to`.
pub(super) fn io_slice(
    vm: &mut Vm<'_>,
    buf: Obj,
    from: usize,
    to: usize,
    is_bytes: bool,
) -> PyResult<Obj> {
    let n = to.saturating_sub(from);
    let kind = if is_bytes { Kind::Bytes } else { Kind::Str };
    let o = vm.new_str_uninit(kind, n)?;
    let store = vm.heap.get_obj(buf.bits(), 1);
    vm.heap.copy_within(
        crate::heap::Heap::payload_pos(store.bits(), 1) + from,
        crate::heap::Heap::payload_pos(o, 1),
        n,
    );
    Ok(Obj::heap(o))
}

/// A size argument as C's `size_t` cast would see it (negative: huge).
fn size_arg(vm: &mut Vm<'_>, o: Obj) -> PyResult<usize> {
    Ok(usize::try_from(vm.get_int(o)?).unwrap_or(usize::MAX))
}

/// `s.write(data[, len])` / `s.write(data, offset, len)`: overwrite / extend at the
/// position; returns the byte count (stream.c's mp_stream_write_method).
pub(super) fn io_write(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 4)?;
    let (buf, pos, _) = io_parts(vm, a)?;
    let data = vm.arg(a, 1);
    let Some(len) = data_of(vm, data).map(<[u8]>::len) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    };
    let (off, max) = match a.n_pos {
        3 => (0, size_arg(vm, vm.arg(a, 2))?),
        4 => (
            size_arg(vm, vm.arg(a, 2))?.min(len),
            size_arg(vm, vm.arg(a, 3))?,
        ),
        _ => (0, len),
    };
    let n = (len - off).min(max);
    io_copy_in(vm, buf, pos, data, off, n)?;
    io_set(vm, a, pos + n, false);
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(n as i64))
}

/// `s.readinto(buf[, nbytes])`: read into a writable buffer; the byte count.
pub(super) fn io_readinto(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let (src, pos, _) = io_parts(vm, a)?;
    let dst = vm.arg(a, 1);
    let writable = vm.is_kind(dst, Kind::ByteArray) || vm.typed_writable(dst);
    let Some(cap) = vm
        .buffer_data(dst)
        .map(|(d, _)| d.len())
        .filter(|_| writable)
    else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    };
    let want = match vm.arg_pos(a, 2) {
        Some(n) => size_arg(vm, n)?.min(cap),
        None => cap,
    };
    let len = vm.heap.get(src.bits(), 0) as usize;
    let n = want.min(len.saturating_sub(pos));
    if vm.is_kind(dst, Kind::ByteArray) {
        io_copy_in(vm, dst, 0, src, pos, n)?;
    } else {
        vm.typed_copy_in(dst, 0, src, pos, n);
    }
    io_set(vm, a, pos + n, false);
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(n as i64))
}

/// `s.read(n=-1)` / `s.readline()`.
pub(super) fn io_read_impl(vm: &mut Vm<'_>, a: &Args, line: bool) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let (buf, pos, is_bytes) = io_parts(vm, a)?;
    let len = vm.heap.get(buf.bits(), 0) as usize;
    let want = read_size_arg(vm, a)?;
    let start = pos.min(len);
    let mut end = start.saturating_add(want).min(len);
    if line {
        if let Some(d) = vm.bytes_data(buf) {
            if let Some(nl) = d
                .get(start..end)
                .and_then(|s| s.iter().position(|&c| c == b'\n'))
            {
                end = start + nl + 1;
            }
        }
    }
    let r = io_slice(vm, buf, start, end, is_bytes)?;
    io_set(vm, a, pos.max(end), false);
    Ok(r)
}

pub(super) fn io_read(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    io_read_impl(vm, a, false)
}

pub(super) fn io_readline(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    io_read_impl(vm, a, true)
}

/// `next(s)`: the next line; StopIteration at the end.
pub(super) fn io_next(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    let line = io_read_impl(vm, a, true)?;
    if vm.str_or_bytes(line).is_none_or(|(d, _)| d.is_empty()) {
        return Err(vm.raise_bare(T_STOP_ITERATION));
    }
    Ok(line)
}

pub(super) fn io_getvalue(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (buf, _, is_bytes) = io_parts(vm, a)?;
    let len = vm.heap.get(buf.bits(), 0) as usize;
    io_slice(vm, buf, 0, len, is_bytes)
}

/// `s.seek(offset, whence=0)`: the new position (clamped at 0).
pub(super) fn io_seek(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let (buf, pos, _) = io_parts(vm, a)?;
    let off = vm.get_int(vm.arg(a, 1))?;
    let whence = match vm.arg_pos(a, 2) {
        Some(w) => vm.get_int(w)?,
        None => 0,
    };
    // Relative seeks stop at 0; an absolute one must not be negative (stringio_ioctl).
    #[allow(clippy::cast_possible_wrap)]
    let base = match whence {
        1 => pos as i64,
        2 => i64::from(vm.heap.get(buf.bits(), 0)),
        _ if off < 0 => return Err(vm.raise_os_error(22)),
        _ => 0,
    };
    let new = usize::try_from(base.saturating_add(off)).unwrap_or(0);
    io_set(vm, a, new, false);
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(new as i64))
}

pub(super) fn io_tell(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (_, pos, _) = io_parts(vm, a)?;
    #[allow(clippy::cast_possible_wrap)]
    Ok(Obj::small_sat(pos as i64))
}

pub(super) fn io_flush(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    io_parts(vm, a)?;
    Ok(Obj::NONE)
}

/// `s.close()` (and `__exit__`): later operations raise ValueError.
pub(super) fn io_close(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos == 0 {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "stream expected"));
    }
    io_set(vm, a, 0, true);
    Ok(Obj::NONE)
}

pub(super) fn io_enter(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    Ok(vm.arg(a, 0))
}

// ----- io.IOBase (after py/modio.c) -----
//
// An instance of a subclass of `io.IOBase` is a stream whose `write` method is called with a
// bytearray of the bytes to write, and returns how many it took.

impl Vm<'_> {
    /// Write what the builder in root slot `slot` holds to the stream in root slot `slot + 1`
    /// (mp_stream_rw over iobase_read_write: `write` is called again for what it did not take;
    /// it returning None stops quietly, a negative value is that errno, more than it was
    /// given is EIO), then empty the builder.
    pub(crate) fn iobase_flush(&mut self, slot: usize) -> PyResult<()> {
        let buf = self.root(slot);
        let stream = self.root(slot + 1);
        let len = self.heap.get(buf.bits(), 0) as usize;
        let mut done = 0;
        while done < len {
            let n = len - done;
            let store = self.new_str_uninit(Kind::Bytes, n)?;
            self.heap.copy_within(
                crate::heap::Heap::payload_pos(buf.bits(), 1) + done,
                crate::heap::Heap::payload_pos(store, 1),
                n,
            );
            let ba = self.bytearray_over(store, n)?;
            let r = self.call_method_by_name(stream, b"write", &[ba])?;
            if r == Obj::NONE {
                break;
            }
            let wrote = self.get_int(r)?;
            if wrote < 0 {
                if -wrote == i64::from(EAGAIN) {
                    break;
                }
                return Err(self.iobase_write_error(stream, -wrote));
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let wrote = wrote as usize;
            if wrote > n {
                return Err(self.iobase_write_error(stream, EIO));
            }
            if wrote == 0 {
                break;
            }
            done += wrote;
        }
        self.heap.set(buf.bits(), 0, 0);
        Ok(())
    }

    /// A failed write: the stream's `ioctl(MP_STREAM_RAISE_ERROR, errno)` may raise its own
    /// error first (MICROPY_STREAMS_DELEGATE_ERROR, on in MicroPython 1.29), then
    /// `OSError(errno)`.
    fn iobase_write_error(&mut self, stream: Obj, errno: i64) -> crate::vm::Raised {
        const MP_STREAM_RAISE_ERROR: i64 = 12;
        let args = [Obj::small_sat(MP_STREAM_RAISE_ERROR), Obj::small_sat(errno)];
        let r = self.call_method_by_name(stream, b"ioctl", &args);
        match r.and_then(|v| self.get_int(v)) {
            #[allow(clippy::cast_possible_truncation)]
            Ok(_) => self.raise_os_error(errno as i32),
            Err(e) => e,
        }
    }

    /// Everything stream `stream` gives, read a byte at a time through its `readinto` method
    /// as json.load reads a stream (None from it raises EAGAIN, a negative value that errno,
    /// more than one byte EIO).
    #[cfg(feature = "json")]
    pub(crate) fn iobase_read_all(&mut self, stream: Obj) -> PyResult<Obj> {
        let slot = self.builder_new()?;
        let r = (|| {
            let zero = self.new_bytes(&[0])?;
            self.push_root(zero);
            loop {
                let one = self.bytearray_from(zero)?;
                self.push_root(one);
                let r = self.call_method_by_name(stream, b"readinto", &[one])?;
                if r == Obj::NONE {
                    return Err(self.raise_os_error(EAGAIN));
                }
                let got = self.get_int(r)?;
                #[allow(clippy::cast_possible_truncation)]
                if got < 0 {
                    return Err(self.raise_os_error((-got) as i32));
                }
                if got > 1 {
                    #[allow(clippy::cast_possible_truncation)]
                    return Err(self.raise_os_error(EIO as i32));
                }
                if got == 0 {
                    return Ok(());
                }
                let c = self
                    .bytes_data(one)
                    .and_then(|d| d.first().copied())
                    .unwrap_or(0);
                self.pop_root();
                self.sink_write(Sink::Buf(slot), &[c])?;
            }
        })();
        let text = self.builder_finish(slot);
        r?;
        Ok(text)
    }
}
