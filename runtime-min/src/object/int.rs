//! Integers: tagged 31-bit small ints and heap ints (after py/objint.c).
//!
//! Heap ints use the layout `[sign | n_limbs << 1, limbs...]` with u32 limbs. This session
//! implements values up to 64 bits (two limbs); wider results raise `OverflowError`.

use crate::builtins as b;
use crate::builtins::methods::PySpace;
use crate::heap::Kind;
use crate::obj::Obj;
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
    pub(crate) fn get_int(&mut self, o: Obj) -> PyResult<i64> {
        match self.int_to_i64(o) {
            Some(v) => Ok(v),
            None => {
                let t = self.type_name(o);
                Err(self.raise_parts(b::T_TYPE_ERROR, &[&"can't convert ", &t, &" to int"]))
            }
        }
    }

    /// An index argument (`int` or `bool`).
    pub(crate) fn get_index(&mut self, o: Obj) -> PyResult<i64> {
        match self.int_to_i64(o) {
            Some(v) => Ok(v),
            None => {
                let t = self.type_name(o);
                Err(self.raise_parts(
                    b::T_TYPE_ERROR,
                    &[&"object '", &t, &"' cannot be interpreted as an integer"],
                ))
            }
        }
    }

    /// Parse an int literal in `base` (2..36, or 0 for prefix detection); Ok(None) if invalid.
    pub(crate) fn parse_int(&mut self, text: &[u8], base: u32) -> PyResult<Option<Obj>> {
        let s = trim(text);
        let (neg, mut s) = match s.first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let mut base = base;
        if s.len() >= 2 && s[0] == b'0' {
            let p = s[1].to_ascii_lowercase();
            let pb = match p {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => 0,
            };
            if pb != 0 && (base == 0 || base == pb) {
                base = pb;
                s = &s[2..];
            }
        }
        if base == 0 {
            base = 10;
        }
        if s.is_empty() {
            return Ok(None);
        }
        let mut v = crate::object::bigint::Big::zero();
        let base_big = crate::object::bigint::Big::from_i128(i128::from(base));
        let mut last_us = true;
        for &c in s {
            if c == b'_' {
                if last_us {
                    return Ok(None);
                }
                last_us = true;
                continue;
            }
            last_us = false;
            let d = match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'a'..=b'z' => u32::from(c - b'a') + 10,
                b'A'..=b'Z' => u32::from(c - b'A') + 10,
                _ => return Ok(None),
            };
            if d >= base {
                return Ok(None);
            }
            let next = crate::object::bigint::Big::mul(&v, &base_big).and_then(|m| {
                crate::object::bigint::Big::add(
                    &m,
                    &crate::object::bigint::Big::from_i128(i128::from(d)),
                )
            });
            match next {
                Some(n) => v = n,
                None => return Err(self.big_overflow()),
            }
        }
        if last_us {
            return Ok(None);
        }
        if neg {
            v = v.neg();
        }
        self.new_big(&v).map(Some)
    }
}

fn trim(s: &[u8]) -> &[u8] {
    let mut a = 0;
    let mut e = s.len();
    while a < e && s[a].is_py_space() {
        a += 1;
    }
    while e > a && s[e - 1].is_py_space() {
        e -= 1;
    }
    &s[a..e]
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

/// `a * b mod m` without 128-bit division (double and add).
pub(crate) fn mul_mod(a: u64, mut b: u64, m: u64) -> u64 {
    let add = |x: u64, y: u64| {
        let (s, carry) = x.overflowing_add(y);
        if carry || s >= m {
            s.wrapping_sub(m)
        } else {
            s
        }
    };
    let mut a = a % m;
    let mut r = 0;
    while b > 0 {
        if b & 1 == 1 {
            r = add(r, a);
        }
        a = add(a, a);
        b >>= 1;
    }
    r
}
