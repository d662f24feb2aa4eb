//! The `binascii` module (after extmod/modbinascii.c): `hexlify`, `unhexlify`, `a2b_base64`,
//! `b2a_base64` and `crc32`, over anything with the buffer protocol (str included).

use super::funcs::check_n;
use super::methods::{from_hex, hex_digits};
use super::*;

fn no_buffer(vm: &mut Vm<'_>) -> crate::vm::Raised {
    vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required")
}

/// `binascii.hexlify(data[, sep])`: `bytes.hex` as bytes.
pub(super) fn binascii_hexlify(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    hex_digits(vm, a, Kind::Bytes)
}

/// `binascii.unhexlify(data)`: `bytes.fromhex`.
pub(super) fn binascii_unhexlify(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    from_hex(vm, vm.arg(a, 0), false)
}

/// The value of base-64 digit `c`, None for any other byte (which decoding skips).
fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// modbinascii.c's base-64 decoding state: bits not yet output, and whether a `=` came since
/// the last digit.
#[derive(Default)]
struct Base64Decoder {
    shift: u32,
    nbits: u32,
    had_pad: bool,
    done: bool,
}

impl Base64Decoder {
    /// Feed input byte `c`; the decoded byte it completes, if any. Bytes that are not base-64
    /// digits are skipped; a `=` where the bits so far make whole bytes ends the data.
    fn push(&mut self, c: u8) -> Option<u8> {
        if self.done {
            return None;
        }
        if c == b'=' {
            if self.nbits == 2 || (self.nbits == 4 && self.had_pad) {
                self.nbits = 0;
                self.done = true;
                return None;
            }
            self.had_pad = true;
        }
        let v = sextet(c)?;
        self.had_pad = false;
        self.shift = (self.shift << 6) | v;
        self.nbits += 6;
        if self.nbits < 8 {
            return None;
        }
        self.nbits -= 8;
        #[allow(clippy::cast_possible_truncation)]
        Some((self.shift >> self.nbits) as u8)
    }
}

/// `binascii.a2b_base64(data)`: decode; leftover bits are `ValueError: incorrect padding`.
pub(super) fn binascii_a2b_base64(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let src = vm.arg(a, 0);
    let Some(input) = vm.readable_buffer(src) else {
        return Err(no_buffer(vm));
    };
    // First pass: validate and count.
    let mut decoder = Base64Decoder::default();
    let n = input.iter().filter(|&&c| decoder.push(c).is_some()).count();
    if decoder.nbits != 0 {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "incorrect padding"));
    }
    let out = vm.new_str_uninit(Kind::Bytes, n)?;
    // Second pass, writing the bytes.
    let mut decoder = Base64Decoder::default();
    let mut written = 0;
    vm.buffer_chunks(src, |vm, _, chunk| {
        #[allow(clippy::cast_possible_truncation)]
        let dst = vm.heap.bytes_mut(out, 1, n as u32);
        for &c in chunk {
            if let Some(b) = decoder.push(c) {
                if let Some(x) = dst.get_mut(written) {
                    *x = b;
                }
                written += 1;
            }
        }
        Ok(())
    })?;
    Ok(Obj::heap(out))
}

/// `binascii.b2a_base64(data, *, newline=True)`.
pub(super) fn binascii_b2a_base64(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    if a.n_pos == 0 {
        return Err(vm.raise_msg_str(
            T_TYPE_ERROR,
            "function missing 1 required positional arguments",
        ));
    }
    let newline = match vm.arg_pos(a, 1).or_else(|| vm.arg_kw(a, b"newline")) {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    let src = vm.arg(a, 0);
    let Some(input) = vm.readable_buffer(src) else {
        return Err(no_buffer(vm));
    };
    let n = input.len();
    let total = n.div_ceil(3) * 4 + usize::from(newline);
    let out = vm.new_str_uninit(Kind::Bytes, total)?;
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    vm.buffer_chunks(src, |vm, at, chunk| {
        #[allow(clippy::cast_possible_truncation)]
        let dst = vm.heap.bytes_mut(out, 1, total as u32);
        // Chunks are whole groups of 3 input bytes but for the last.
        for (g, group) in chunk.chunks(3).enumerate() {
            let b = [
                group[0],
                *group.get(1).unwrap_or(&0),
                *group.get(2).unwrap_or(&0),
            ];
            let v = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            let pos = (at / 3 + g) * 4;
            for k in 0..4 {
                let c = if k <= group.len() {
                    DIGITS[((v >> (18 - 6 * k)) & 63) as usize]
                } else {
                    b'='
                };
                if let Some(x) = dst.get_mut(pos + k) {
                    *x = c;
                }
            }
        }
        Ok(())
    })?;
    if newline {
        #[allow(clippy::cast_possible_truncation)]
        if let Some(x) = vm.heap.bytes_mut(out, 1, total as u32).get_mut(total - 1) {
            *x = b'\n';
        }
    }
    Ok(Obj::heap(out))
}

/// `binascii.crc32(data[, value])`: the CRC-32 (IEEE, reflected) continuing from `value`.
pub(super) fn binascii_crc32(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 2)?;
    let start = match vm.arg_pos(a, 1) {
        Some(v) => vm.int_low_bits(v)?,
        None => 0,
    };
    let Some(data) = vm.readable_buffer(vm.arg(a, 0)) else {
        return Err(no_buffer(vm));
    };
    let mut crc = !start;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    vm.new_int(i64::from(!crc))
}
