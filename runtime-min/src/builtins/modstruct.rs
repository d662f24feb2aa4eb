//! The `struct` module: pack / unpack / calcsize / pack_into / unpack_from (after
//! py/modstruct.c and py/binary.c). Native (`@`) sizes and alignments are those of a 32-bit
//! target (int and long 4 bytes, long long 8), as the reference's 32-bit ports have.

use super::funcs::check_n;
use super::*;
use crate::object::bigint::Big;

/// A parsed format: its byte-order character and the code text after it.
struct Fmt {
    /// `<`, `>` or `@` (`!` is `>`; `=` is kept and rejected as a bad typecode).
    order: u8,
    /// Offset of the first code in the format text.
    start: usize,
}

fn fmt_of(vm: &mut Vm<'_>, f: Obj) -> PyResult<Fmt> {
    let Some(d) = vm.str_data(f) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "format must be a str"));
    };
    Ok(match d.first() {
        Some(b'!') => Fmt {
            order: b'>',
            start: 1,
        },
        Some(&c @ (b'@' | b'=' | b'<' | b'>')) => Fmt { order: c, start: 1 },
        _ => Fmt {
            order: b'@',
            start: 0,
        },
    })
}

/// Byte `i` of the format text, 0 past its end.
fn fmt_byte(vm: &Vm<'_>, f: Obj, i: usize) -> u8 {
    vm.str_data(f).and_then(|d| d.get(i)).copied().unwrap_or(0)
}

/// A repeat count at `*i` (default 1), advancing past it.
fn count_at(vm: &Vm<'_>, f: Obj, i: &mut usize) -> usize {
    let mut n = None;
    while let c @ b'0'..=b'9' = fmt_byte(vm, f, *i) {
        n = Some(
            n.unwrap_or(0usize)
                .saturating_mul(10)
                .saturating_add(usize::from(c - b'0')),
        );
        *i += 1;
    }
    n.unwrap_or(1)
}

/// (size, alignment) of one value of type code `c`.
fn size_of(vm: &mut Vm<'_>, order: u8, c: u8) -> PyResult<(usize, usize)> {
    let size = match (order, c) {
        (b'<' | b'>' | b'@', b'b' | b'B') => 1,
        (b'<' | b'>' | b'@', b'h' | b'H' | b'e') => 2,
        // `P` is a pointer-sized unsigned int (4 bytes, as on the 32-bit ports).
        (b'<' | b'>' | b'@', b'i' | b'I' | b'l' | b'L' | b'f' | b'P') => 4,
        (b'<' | b'>' | b'@', b'q' | b'Q' | b'd') => 8,
        _ => return Err(vm.raise_msg_str(T_VALUE_ERROR, "bad typecode")),
    };
    Ok((size, if order == b'@' { size } else { 1 }))
}

/// A run of `count` values of type `code`, `size` bytes each, laid out one after another
/// from byte `offset` (already aligned). An `Ns` field is one value of `N` bytes.
struct Run {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

/// Walk format `f` run by run (padding `x` only moves the position), calling `visit` on each
/// until it returns false. Returns the total size (with padding).
fn walk(
    vm: &mut Vm<'_>,
    f: Obj,
    mut visit: impl FnMut(&mut Vm<'_>, &Run) -> PyResult<bool>,
) -> PyResult<usize> {
    let fmt = fmt_of(vm, f)?;
    let len = vm.str_data(f).map_or(0, <[u8]>::len);
    let (mut i, mut p) = (fmt.start, 0usize);
    while i < len {
        let cnt = count_at(vm, f, &mut i);
        let code = fmt_byte(vm, f, i);
        i += 1;
        let run = match code {
            b'x' => {
                p = p.saturating_add(cnt);
                continue;
            }
            b's' => Run {
                code,
                count: 1,
                offset: p,
                size: cnt,
            },
            _ => {
                // Every size is a multiple of its alignment: only the first value needs it (and
                // a count of 0 is no value, so no alignment either, as modstruct.c).
                let (size, align) = size_of(vm, fmt.order, code)?;
                Run {
                    code,
                    count: cnt,
                    offset: if cnt == 0 {
                        p
                    } else {
                        p.next_multiple_of(align)
                    },
                    size,
                }
            }
        };
        p = run
            .offset
            .saturating_add(run.count.saturating_mul(run.size));
        if !visit(vm, &run)? {
            break;
        }
    }
    Ok(p)
}

/// (number of values, total size) of a format.
fn calc(vm: &mut Vm<'_>, f: Obj) -> PyResult<(usize, usize)> {
    let mut items = 0usize;
    let size = walk(vm, f, |_, run| {
        items = items.saturating_add(run.count);
        Ok(true)
    })?;
    Ok((items, size))
}

pub(super) fn struct_calcsize(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let (_, size) = calc(vm, vm.arg(a, 0))?;
    #[allow(clippy::cast_possible_wrap)]
    vm.new_int(size as i64)
}

/// `unpack(fmt, buffer)` / `unpack_from(fmt, buffer, offset=0)`.
pub(super) fn struct_unpack(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 3)?;
    let f = vm.arg(a, 0);
    let (items, total) = calc(vm, f)?;
    let fmt = fmt_of(vm, f)?;
    let buf = vm.arg(a, 1);
    let Some(blen) = vm.buffer_data(buf).map(|(d, _)| d.len()) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    };
    let mut base = 0usize;
    if a.n_pos > 2 {
        let off = vm.get_int(vm.arg(a, 2))?;
        #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
        let off = if off < 0 { off + blen as i64 } else { off };
        base = usize::try_from(off).unwrap_or(usize::MAX);
    }
    if base.saturating_add(total) > blen {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "buffer too small"));
    }
    let t = vm.new_tuple(u32::try_from(items).unwrap_or(0))?;
    vm.push_root(t);
    let mut n = 0u32;
    let r = walk(vm, f, |vm, run| {
        for k in 0..run.count {
            let at = base + run.offset + k * run.size;
            let v = if run.code == b's' {
                vm.bytes_from_buffer(buf, at, run.size)?
            } else {
                let mut raw = [0u8; 8];
                if let Some(s) = vm
                    .buffer_data(buf)
                    .and_then(|(d, _)| d.get(at..at + run.size))
                {
                    raw[..run.size].copy_from_slice(s);
                }
                if fmt.order == b'>' {
                    raw[..run.size].reverse();
                }
                value_of(vm, run.code, u64::from_le_bytes(raw), run.size)?
            };
            n += 1;
            vm.heap.set_obj(t.bits(), n, v);
        }
        Ok(true)
    });
    vm.pop_root();
    r.map(|_| t)
}

/// The object for raw little-endian `bits` of a `sz`-byte value of type `c`.
pub(crate) fn value_of(vm: &mut Vm<'_>, c: u8, bits: u64, sz: usize) -> PyResult<Obj> {
    #[allow(clippy::cast_possible_truncation)]
    match c {
        b'f' => vm.new_float(f64::from(f32::from_bits(bits as u32))),
        b'e' => vm.new_float(f64::from(half_to_f32(bits as u16))),
        b'd' => vm.new_float(f64::from_bits(bits)),
        b'b' | b'h' | b'i' | b'l' | b'q' => {
            // Sign-extend from `sz` bytes.
            let shift = 64 - 8 * sz as u32;
            #[allow(clippy::cast_possible_wrap)]
            vm.new_int(((bits << shift) as i64) >> shift)
        }
        _ => vm.new_int_wide(i128::from(bits)),
    }
}

/// A half float (IEEE binary16) widened to f32.
fn half_to_f32(h: u16) -> f32 {
    let mut m = u32::from(h & 0x3ff);
    let mut e = u32::from(h >> 10) & 0x1f;
    if e == 0x1f {
        e = 0xff;
    } else if e != 0 {
        e += 127 - 15;
    } else if m != 0 {
        // Subnormal: normalize.
        e = 127 - 15 + 1;
        while m & 0x400 == 0 {
            m <<= 1;
            e -= 1;
        }
        m -= 0x400;
    }
    f32::from_bits((u32::from(h & 0x8000) << 16) | (e << 23) | (m << 13))
}

/// binary.c's software half-float encoding (round half up; exponents past the half
/// range wrap rather than saturate, as the reference's do).
fn f32_to_half(x: f32) -> u16 {
    let i = x.to_bits();
    #[allow(clippy::cast_possible_truncation)]
    let mut m = ((i >> 13) & 0x3ff) as u16 + u16::from(i & (1 << 12) != 0);
    #[allow(clippy::cast_possible_wrap)]
    let mut e = ((i >> 23) & 0xff) as i32;
    if e == 0xff {
        e = 0x1f;
    } else if e != 0 {
        e -= 127 - 15;
        if e < 0 {
            // Underflow: subnormal or zero.
            m = if e >= -11 {
                let s = (m | 0x400) >> e.unsigned_abs();
                (s >> 1) + (s & 1)
            } else {
                0
            };
            e = 0;
        } else if e > 0x3f {
            e = 0x1f;
            m = 0;
        }
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let bits = ((i >> 16) & 0x8000) as u16 | ((e as u32) << 10) as u16 | m;
    bits
}

/// The raw little-endian bits of `v` as a value of type `c`.
pub(crate) fn bits_of(vm: &mut Vm<'_>, c: u8, v: Obj) -> PyResult<u64> {
    if matches!(c, b'e' | b'f' | b'd') {
        let Some(x) = vm.float_of(v) else {
            let t = vm.type_name(v);
            return Err(vm.raise_parts(T_TYPE_ERROR, &[&"can't convert ", &t, &" to float"]));
        };
        #[allow(clippy::cast_possible_truncation)]
        return Ok(if c == b'f' {
            u64::from((x as f32).to_bits())
        } else if c == b'e' {
            u64::from(f32_to_half(x as f32))
        } else {
            x.to_bits()
        });
    }
    let big = match vm.big_of(v) {
        Some(b) => b,
        None => Big::from_i128(i128::from(vm.get_int(v)?)),
    };
    // Two's complement, truncated to 64 bits.
    let mut mag = u64::from(big.d.first().copied().unwrap_or(0));
    if big.len > 1 {
        mag |= u64::from(big.d[1]) << 32;
    }
    Ok(if big.neg { mag.wrapping_neg() } else { mag })
}

/// Pack `vals` (from argument `first`) by format `f` into heap block `block` (payload bytes
/// from word 1, `n` of them), starting at byte `base`.
fn pack_into_buf(
    vm: &mut Vm<'_>,
    f: Obj,
    vals: &Args,
    first: u32,
    (block, n): (u32, u32),
    base: usize,
) -> PyResult<()> {
    let order = fmt_of(vm, f)?.order;
    let mut arg = first;
    let write = |vm: &mut Vm<'_>, at: usize, data: &[u8]| {
        if let Some(d) = vm.heap.bytes_mut(block, 1, n).get_mut(at..at + data.len()) {
            d.copy_from_slice(data);
        }
    };
    walk(vm, f, |vm, run| {
        for k in 0..run.count {
            if arg >= vals.n_pos {
                return Ok(false);
            }
            let v = vm.arg(vals, arg);
            arg += 1;
            let at = base + run.offset + k * run.size;
            if run.code == b's' {
                // Any buffer, str included (its UTF-8 bytes).
                let Some(len) = vm.readable_buffer(v).map(<[u8]>::len) else {
                    return Err(
                        vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required")
                    );
                };
                // Copied in chunks: the source may be in the same heap block.
                let len = len.min(run.size);
                let mut j = 0;
                while j < len {
                    let mut chunk = [0u8; 64];
                    let m = (len - j).min(chunk.len());
                    if let Some(s) = vm.readable_buffer(v).and_then(|d| d.get(j..j + m)) {
                        chunk[..m].copy_from_slice(s);
                    }
                    write(vm, at + j, &chunk[..m]);
                    j += m;
                }
            } else {
                let mut raw = bits_of(vm, run.code, v)?.to_le_bytes();
                if order == b'>' {
                    raw[..run.size].reverse();
                }
                write(vm, at, &raw[..run.size]);
            }
        }
        Ok(arg < vals.n_pos)
    })?;
    Ok(())
}

/// `pack(fmt, *values)`: a new (zeroed) bytes object packed in place.
pub(super) fn struct_pack(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos == 0 {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing 1 required positional arguments",
        ));
    }
    let f = vm.arg(a, 0);
    let (_, size) = calc(vm, f)?;
    let b = vm.new_str_uninit(crate::heap::Kind::Bytes, size)?;
    vm.push_root(Obj::heap(b));
    #[allow(clippy::cast_possible_truncation)]
    let r = pack_into_buf(vm, f, a, 1, (b, size as u32), 0);
    vm.pop_root();
    r.map(|()| Obj::heap(b))
}

/// `pack_into(fmt, buffer, offset, *values)` into a bytearray.
pub(super) fn struct_pack_into(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos < 3 {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing required positional arguments",
        ));
    }
    let f = vm.arg(a, 0);
    let buf = vm.arg(a, 1);
    if !vm.is_kind(buf, crate::heap::Kind::ByteArray) {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    let blen = vm.heap.get(buf.bits(), 0) as usize;
    let off = vm.get_int(vm.arg(a, 2))?;
    #[allow(clippy::cast_possible_wrap)]
    let off = if off < 0 { off + blen as i64 } else { off };
    let Ok(base) = usize::try_from(off) else {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "buffer too small"));
    };
    let (_, size) = calc(vm, f)?;
    if base.saturating_add(size) > blen {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "buffer too small"));
    }
    let store = vm.heap.get_obj(buf.bits(), 1).bits();
    #[allow(clippy::cast_possible_truncation)]
    pack_into_buf(vm, f, a, 3, (store, blen as u32), base)?;
    Ok(Obj::NONE)
}
