//! Integers: tagged 31-bit small ints and heap ints (after py/objint.c).
//!
//! Heap ints use the layout `[sign | n_limbs << 1, limbs...]` with u32 limbs. This session
//! implements values up to 64 bits (two limbs); wider results raise `OverflowError`.

use crate::builtins as b;
use crate::builtins::methods::PySpace;
use crate::heap::Kind;
use crate::obj::Obj;
use crate::object::bigint::Big;
use crate::vm::{PyResult, Vm};

impl<'a> Vm<'a> {
    /// An int object for `v` (small when it fits).
    pub fn new_int(&mut self, v: i64) -> PyResult<Obj> {
        if let Some(o) = Obj::small(v) {
            return Ok(o);
        }
        let o = self.alloc(Kind::BigInt, 3)?;
        let neg = v < 0;
        let mag = v.unsigned_abs();
        self.heap.set(o, 0, u32::from(neg) | (2 << 1));
        #[allow(clippy::cast_possible_truncation)]
        {
            self.heap.set(o, 1, mag as u32);
            self.heap.set(o, 2, (mag >> 32) as u32);
        }
        Ok(Obj::heap(o))
    }

    /// The int of a float's integer part (`mp_obj_new_int_from_float`): exact for any size
    /// (1e300 has 301 digits); NaN is a `ValueError`, an infinity an `OverflowError`.
    pub(crate) fn int_from_float(&mut self, f: f64) -> PyResult<Obj> {
        if f.is_nan() {
            return Err(self.raise_msg_str(b::T_VALUE_ERROR, "can't convert NaN to int"));
        }
        if f.is_infinite() {
            return Err(self.raise_msg_str(b::T_OVERFLOW_ERROR, "can't convert inf to int"));
        }
        let t = crate::object::ops::trunc(f);
        if t.abs() < 9.2e18 {
            #[allow(clippy::cast_possible_truncation)]
            return self.new_int(t as i64);
        }
        // |t| >= 2**63: an integer mantissa shifted left.
        let bits = t.to_bits();
        let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
        #[allow(clippy::cast_possible_truncation)]
        let shift = ((bits >> 52) & 0x7ff) as usize - 1075;
        let magnitude = crate::object::bigint::Big::from_i128(i128::from(mantissa)).shl(shift);
        match magnitude {
            Some(m) => self.new_big(&if t < 0.0 { m.neg() } else { m }),
            None => Err(self.big_overflow()),
        }
    }

    /// An int from an i128 result.
    pub(crate) fn new_int_wide(&mut self, v: i128) -> PyResult<Obj> {
        match i64::try_from(v) {
            Ok(v) => self.new_int(v),
            Err(_) => self.new_big(&crate::object::bigint::Big::from_i128(v)),
        }
    }

    /// The value of an int (small, heap or bool), if it is one and fits i64.
    pub(crate) fn int_to_i64(&self, o: Obj) -> Option<i64> {
        if let Some(v) = o.as_small() {
            return Some(v);
        }
        if o == Obj::FALSE {
            return Some(0);
        }
        if o == Obj::TRUE {
            return Some(1);
        }
        if self.is_kind(o, Kind::BigInt) {
            let h = self.heap.get(o.bits(), 0);
            let n = h >> 1;
            if n > 2 {
                return None;
            }
            let lo = u64::from(self.heap.get(o.bits(), 1));
            let hi = if n > 1 {
                u64::from(self.heap.get(o.bits(), 2))
            } else {
                0
            };
            let mag = i128::from(lo | (hi << 32));
            let v = if h & 1 == 1 { -mag } else { mag };
            return i64::try_from(v).ok();
        }
        None
    }

    pub(crate) fn int_is_zero(&self, o: Obj) -> bool {
        self.int_to_i64(o) == Some(0)
    }

    /// An int argument (bools count), else `TypeError`.
    /// `mp_obj_get_int_truncated`: the low 32 bits (two's complement) of any int or bool;
    /// anything else is [`get_int`](Self::get_int)'s `TypeError`.
    #[cfg(any(feature = "random", feature = "binascii"))]
    pub(crate) fn int_low_bits(&mut self, o: Obj) -> PyResult<u32> {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        if let Some(v) = self.int_to_i64(o) {
            return Ok(v as u32);
        }
        match self.big_of(o) {
            Some(b) if b.neg => Ok(b.d[0].wrapping_neg()),
            Some(b) => Ok(b.d[0]),
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            None => self.get_int(o).map(|v| v as u32),
        }
    }

    /// The `OverflowError` of an int that does not fit a machine word (`mp_int_t`).
    pub(crate) fn machine_word_overflow(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(
            b::T_OVERFLOW_ERROR,
            "overflow converting long int to machine word",
        )
    }

    /// As `mp_obj_get_int` on a 32-bit port: a big int must have a magnitude below 2**31
    /// (py/mpz.c's `mpz_as_int_checked`, so not even -2**31), else `OverflowError`.
    pub(crate) fn get_int(&mut self, o: Obj) -> PyResult<i64> {
        match self.int_to_i64(o) {
            Some(v) if v.unsigned_abs() <= u64::from(i32::MAX.unsigned_abs()) => Ok(v),
            _ if self.is_kind(o, Kind::BigInt) => Err(self.machine_word_overflow()),
            _ => match self.instance_int(o)? {
                Some(v) => self.get_int(v),
                None => {
                    let t = self.type_name(o);
                    Err(self.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to int"]))
                }
            },
        }
    }

    /// The int an instance converts to (mp_unary_op's `MP_UNARY_OP_INT_MAYBE`, which
    /// `mp_obj_get_int` falls back on): the value of an int subclass, or what `__int__`
    /// returns (a TypeError if that is not an int); None for anything else.
    pub(crate) fn instance_int(&mut self, o: Obj) -> PyResult<Option<Obj>> {
        if !self.is_kind(o, Kind::Instance) {
            return Ok(None);
        }
        if let Some(n) = self.value_of(o) {
            return Ok((n.as_small().is_some() || self.is_kind(n, Kind::BigInt)).then_some(n));
        }
        match self.call_special(o, "__int__", &[])? {
            Some(v) if v.as_small().is_some() || self.is_kind(v, Kind::BigInt) => Ok(Some(v)),
            Some(_) => Err(self.raise_bare(b::T_TYPE_ERROR)),
            None => Ok(None),
        }
    }

    /// Parse an int literal in `base` (2..36, or 0 for prefix detection); Ok(None) if invalid.
    pub(crate) fn parse_int(&mut self, text: &[u8], base: u32) -> PyResult<Option<Obj>> {
        match parse_big(text, base) {
            Ok(v) => self.new_big(&v).map(Some),
            Err(ParseErr::Syntax { .. }) => Ok(None),
            Err(ParseErr::Overflow) => Err(self.big_overflow()),
        }
    }
}

/// Why [`parse_big`] failed.
pub(crate) enum ParseErr {
    /// Not a number: the base to report and where the digits began.
    Syntax { base: u32, start: usize },
    /// Beyond the big int range.
    Overflow,
}

/// The value of an int literal in `base` (2..36, or 0 for prefix detection, where a leading
/// zero is only allowed for zero itself), after py/parsenum.c: surrounding whitespace, a sign,
/// a base prefix and `_` anywhere among the digits.
pub(crate) fn parse_big(text: &[u8], base: u32) -> Result<Big, ParseErr> {
    let n = text.len();
    let mut i = 0;
    while i < n && text[i].is_py_space() {
        i += 1;
    }
    let neg = text.get(i) == Some(&b'-');
    if matches!(text.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let mut base = base;
    if n - i > 1 && text[i] == b'0' {
        let pb = match text[i + 1] | 32 {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            i += 2;
        } else if base == 0 {
            // A leading zero: only zeros may follow (reported as base 0).
            base = 1;
        }
    }
    if base == 0 {
        base = 10;
    }
    let start = i;
    let mut v = Big::zero();
    let base_big = Big::from_i128(i128::from(base));
    while let Some(&c) = text.get(i) {
        let d = match c {
            b'_' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => u32::from(c - b'0'),
            _ if (c | 32).is_ascii_lowercase() => u32::from((c | 32) - b'a') + 10,
            _ => break,
        };
        if d >= base {
            break;
        }
        let next =
            Big::mul(&v, &base_big).and_then(|m| Big::add(&m, &Big::from_i128(i128::from(d))));
        v = next.ok_or(ParseErr::Overflow)?;
        i += 1;
    }
    let end_digits = i;
    while i < n && text[i].is_py_space() {
        i += 1;
    }
    // Beyond the small-int range parsenum.c reparses the digits with mpz_set_from_str, which
    // stops at the first `_`: such a number is then invalid.
    let beyond_small = v.len > 1 || (v.len == 1 && v.d[0] > (1 << 30) - 1);
    let underscore = text[start..end_digits].contains(&b'_');
    if end_digits == start || i != n || (beyond_small && underscore) {
        return Err(ParseErr::Syntax {
            base: if base == 1 { 0 } else { base },
            start,
        });
    }
    Ok(if neg { v.neg() } else { v })
}

/// Floor division and modulo with Python semantics; None on division by zero. 64-bit
/// division only (the quotient is wide for `i64::MIN // -1`).
pub(crate) fn floor_divmod(a: i64, b: i64) -> Option<(i128, i64)> {
    if b == 0 {
        return None;
    }
    if b == -1 {
        return Some((-i128::from(a), 0));
    }
    let mut q = a / b;
    let mut r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        q -= 1;
        r += b;
    }
    Some((i128::from(q), r))
}
