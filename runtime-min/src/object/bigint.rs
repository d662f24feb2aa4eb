//! Arbitrary-precision integers (after py/mpz.c, much simplified): values are worked on in
//! fixed-size stack buffers of u32 limbs and stored in the heap as
//! `[sign | n_limbs << 1, limbs...]` (little-endian limbs). Results wider than
//! [`MAX_LIMBS`] limbs raise `OverflowError`.

use crate::builtins as b;
use crate::heap::Kind;
use crate::obj::Obj;
use crate::vm::{PyResult, Vm};
use mpy_format::opcode::BinaryOp;

/// Largest integer handled: 128 limbs = 4096 bits (~1233 decimal digits).
pub(crate) const MAX_LIMBS: usize = 128;

/// A working integer: sign and magnitude.
#[derive(Clone)]
pub(crate) struct Big {
    pub neg: bool,
    pub len: usize,
    pub d: [u32; MAX_LIMBS],
}

impl Big {
    pub fn zero() -> Big {
        Big {
            neg: false,
            len: 0,
            d: [0; MAX_LIMBS],
        }
    }

    pub fn from_i128(v: i128) -> Big {
        let mut r = Big::zero();
        r.neg = v < 0;
        let mut m = v.unsigned_abs();
        while m != 0 && r.len < MAX_LIMBS {
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[r.len] = m as u32;
            }
            r.len += 1;
            m >>= 32;
        }
        r
    }

    fn trim(&mut self) {
        while self.len > 0 && self.d[self.len - 1] == 0 {
            self.len -= 1;
        }
        if self.len == 0 {
            self.neg = false;
        }
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// The value as i128 if it fits.
    pub fn to_i128(&self) -> Option<i128> {
        if self.len > 3 {
            return None;
        }
        let mut m: u128 = 0;
        for i in (0..self.len).rev() {
            m = (m << 32) | u128::from(self.d[i]);
        }
        let v = i128::try_from(m).ok()?;
        Some(if self.neg { -v } else { v })
    }

    pub fn to_f64(&self) -> f64 {
        // mpz_as_float with 16-bit digits (a 32-bit port's MPZ_DIG_SIZE), rounding at each
        // step as it does.
        let mut f = 0.0;
        for i in (0..self.len).rev() {
            f = f * 65_536.0 + f64::from(self.d[i] >> 16);
            f = f * 65_536.0 + f64::from(self.d[i] & 0xffff);
        }
        if self.neg {
            -f
        } else {
            f
        }
    }

    fn cmp_mag(&self, o: &Big) -> core::cmp::Ordering {
        if self.len != o.len {
            return self.len.cmp(&o.len);
        }
        for i in (0..self.len).rev() {
            if self.d[i] != o.d[i] {
                return self.d[i].cmp(&o.d[i]);
            }
        }
        core::cmp::Ordering::Equal
    }

    pub fn cmp(&self, o: &Big) -> core::cmp::Ordering {
        use core::cmp::Ordering;
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_mag(o),
            (true, true) => o.cmp_mag(self),
        }
    }

    /// |a| + |b|
    fn add_mag(a: &Big, bb: &Big) -> Option<Big> {
        let mut r = Big::zero();
        let n = a.len.max(bb.len);
        let mut carry = 0u64;
        for i in 0..n {
            let s = u64::from(if i < a.len { a.d[i] } else { 0 })
                + u64::from(if i < bb.len { bb.d[i] } else { 0 })
                + carry;
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[i] = s as u32;
            }
            carry = s >> 32;
        }
        r.len = n;
        if carry != 0 {
            if n >= MAX_LIMBS {
                return None;
            }
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[n] = carry as u32;
            }
            r.len = n + 1;
        }
        Some(r)
    }

    /// |a| - |b| assuming |a| >= |b|.
    fn sub_mag(a: &Big, bb: &Big) -> Big {
        let mut r = Big::zero();
        let mut borrow = 0i64;
        for i in 0..a.len {
            let mut v =
                i64::from(a.d[i]) - i64::from(if i < bb.len { bb.d[i] } else { 0 }) - borrow;
            borrow = 0;
            if v < 0 {
                v += 1 << 32;
                borrow = 1;
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                r.d[i] = v as u32;
            }
        }
        r.len = a.len;
        r.trim();
        r
    }

    pub fn add(a: &Big, bb: &Big) -> Option<Big> {
        if a.neg == bb.neg {
            let mut r = Big::add_mag(a, bb)?;
            r.neg = a.neg;
            r.trim();
            return Some(r);
        }
        if a.cmp_mag(bb) != core::cmp::Ordering::Less {
            let mut r = Big::sub_mag(a, bb);
            r.neg = a.neg && !r.is_zero();
            Some(r)
        } else {
            let mut r = Big::sub_mag(bb, a);
            r.neg = bb.neg && !r.is_zero();
            Some(r)
        }
    }

    pub fn neg(&self) -> Big {
        let mut r = self.clone();
        r.neg = !r.neg && !r.is_zero();
        r
    }

    pub fn sub(a: &Big, bb: &Big) -> Option<Big> {
        Big::add(a, &bb.neg())
    }

    pub fn mul(a: &Big, bb: &Big) -> Option<Big> {
        if a.is_zero() || bb.is_zero() {
            return Some(Big::zero());
        }
        if a.len + bb.len > MAX_LIMBS + 1 {
            return None;
        }
        let mut t = [0u64; MAX_LIMBS * 2 + 2];
        for i in 0..a.len {
            let mut carry = 0u64;
            for j in 0..bb.len {
                let cur = t[i + j] + u64::from(a.d[i]) * u64::from(bb.d[j]) + carry;
                t[i + j] = cur & 0xffff_ffff;
                carry = cur >> 32;
            }
            let mut k = i + bb.len;
            while carry != 0 {
                let cur = t[k] + carry;
                t[k] = cur & 0xffff_ffff;
                carry = cur >> 32;
                k += 1;
            }
        }
        let mut len = a.len + bb.len;
        while len > 0 && t[len - 1] == 0 {
            len -= 1;
        }
        if len > MAX_LIMBS {
            return None;
        }
        let mut r = Big::zero();
        for (dst, &src) in r.d.iter_mut().zip(t.iter()).take(len) {
            #[allow(clippy::cast_possible_truncation)]
            {
                *dst = src as u32;
            }
        }
        r.len = len;
        r.neg = a.neg != bb.neg;
        r.trim();
        Some(r)
    }

    /// Divide the magnitude by a small divisor in place; returns the remainder.
    pub fn divmod_small(&mut self, div: u32) -> u32 {
        let mut rem = 0u64;
        for i in (0..self.len).rev() {
            let cur = (rem << 32) | u64::from(self.d[i]);
            #[allow(clippy::cast_possible_truncation)]
            {
                self.d[i] = (cur / u64::from(div)) as u32;
            }
            rem = cur % u64::from(div);
        }
        let neg = self.neg;
        self.trim();
        self.neg = neg && !self.is_zero();
        #[allow(clippy::cast_possible_truncation)]
        let r = rem as u32;
        r
    }

    fn bit_len(&self) -> usize {
        if self.len == 0 {
            return 0;
        }
        (self.len - 1) * 32 + (32 - self.d[self.len - 1].leading_zeros() as usize)
    }

    fn bit(&self, i: usize) -> bool {
        self.d.get(i / 32).is_some_and(|w| (w >> (i % 32)) & 1 == 1) && i / 32 < self.len
    }

    fn shl1_or(&mut self, bit: bool) -> Option<()> {
        let mut carry = u32::from(bit);
        for i in 0..self.len {
            let nc = self.d[i] >> 31;
            self.d[i] = (self.d[i] << 1) | carry;
            carry = nc;
        }
        if carry != 0 {
            if self.len >= MAX_LIMBS {
                return None;
            }
            self.d[self.len] = carry;
            self.len += 1;
        }
        Some(())
    }

    /// Truncating division of magnitudes: (|a| / |b|, |a| % |b|).
    fn divmod_mag(a: &Big, bb: &Big) -> (Big, Big) {
        let mut q = Big::zero();
        let mut r = Big::zero();
        if bb.len == 1 && bb.d[0] != 0 {
            // One-limb divisor: schoolbook division a limb at a time.
            let d = u64::from(bb.d[0]);
            let mut rem = 0u64;
            for i in (0..a.len).rev() {
                let cur = (rem << 32) | u64::from(a.d[i]);
                #[allow(clippy::cast_possible_truncation)]
                {
                    q.d[i] = (cur / d) as u32;
                }
                rem = cur % d;
            }
            q.len = a.len;
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[0] = rem as u32;
            }
            r.len = 1;
            q.trim();
            r.trim();
            return (q, r);
        }
        let n = a.bit_len();
        q.len = a.len;
        let mut bm = bb.clone();
        bm.neg = false;
        for i in (0..n).rev() {
            let _ = r.shl1_or(a.bit(i));
            if r.cmp_mag(&bm) != core::cmp::Ordering::Less {
                r = Big::sub_mag(&r, &bm);
                q.d[i / 32] |= 1 << (i % 32);
            }
        }
        q.trim();
        r.trim();
        (q, r)
    }

    /// Floor division and modulo (Python semantics); None when dividing by zero.
    pub fn floor_divmod(a: &Big, bb: &Big) -> Option<(Big, Big)> {
        if bb.is_zero() {
            return None;
        }
        let (mut q, mut r) = Big::divmod_mag(a, bb);
        q.neg = (a.neg != bb.neg) && !q.is_zero();
        r.neg = a.neg && !r.is_zero();
        if !r.is_zero() && (r.neg != bb.neg) {
            q = Big::sub(&q, &Big::from_i128(1))?;
            r = Big::add(&r, bb)?;
        }
        Some((q, r))
    }

    pub fn shl(&self, n: usize) -> Option<Big> {
        let words = n / 32;
        let bits = n % 32;
        if self.len + words + 1 > MAX_LIMBS {
            return if self.is_zero() {
                Some(Big::zero())
            } else {
                None
            };
        }
        let mut r = Big::zero();
        for i in 0..self.len {
            let v = u64::from(self.d[i]) << bits;
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[i + words] |= v as u32;
                r.d[i + words + 1] |= (v >> 32) as u32;
            }
        }
        r.len = self.len + words + 1;
        r.neg = self.neg;
        r.trim();
        Some(r)
    }

    /// Arithmetic (floor) right shift.
    pub fn shr(&self, n: usize) -> Big {
        if self.neg {
            // floor(a / 2^n) = -ceil(|a| / 2^n)
            let one = Big::from_i128(1);
            let Some(p) = one.shl(n) else {
                return Big::from_i128(-1);
            };
            return Big::floor_divmod(self, &p).map_or(Big::from_i128(-1), |(q, _)| q);
        }
        let words = n / 32;
        let bits = n % 32;
        let mut r = Big::zero();
        if words >= self.len {
            return r;
        }
        for i in words..self.len {
            let lo = u64::from(self.d[i]) >> bits;
            let hi = if i + 1 < self.len && bits > 0 {
                u64::from(self.d[i + 1]) << (32 - bits)
            } else {
                0
            };
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[i - words] = (lo | hi) as u32;
            }
        }
        r.len = self.len - words;
        r.trim();
        r
    }

    /// Two's complement limbs of width `w` (w > len).
    fn twos(&self, w: usize) -> [u32; MAX_LIMBS + 1] {
        let mut t = [0u32; MAX_LIMBS + 1];
        t[..self.len].copy_from_slice(&self.d[..self.len]);
        if self.neg {
            let mut carry = 1u64;
            for x in t.iter_mut().take(w) {
                let v = u64::from(!*x) + carry;
                #[allow(clippy::cast_possible_truncation)]
                {
                    *x = v as u32;
                }
                carry = v >> 32;
            }
        }
        t
    }

    pub fn bitop(a: &Big, bb: &Big, op: BinaryOp) -> Big {
        let w = (a.len.max(bb.len) + 1).min(MAX_LIMBS + 1);
        let (x, y) = (a.twos(w), bb.twos(w));
        let mut t = [0u32; MAX_LIMBS + 1];
        for i in 0..w {
            t[i] = match op {
                BinaryOp::AND => x[i] & y[i],
                BinaryOp::OR => x[i] | y[i],
                _ => x[i] ^ y[i],
            };
        }
        let neg = t[w - 1] >> 31 == 1;
        if neg {
            let mut carry = 1u64;
            for x in t.iter_mut().take(w) {
                let v = u64::from(!*x) + carry;
                #[allow(clippy::cast_possible_truncation)]
                {
                    *x = v as u32;
                }
                carry = v >> 32;
            }
        }
        let mut r = Big::zero();
        let n = w.min(MAX_LIMBS);
        r.d[..n].copy_from_slice(&t[..n]);
        r.len = n;
        r.neg = neg;
        r.trim();
        r
    }
}

impl<'a> Vm<'a> {
    /// The value of an int object (small, heap or bool) as a [`Big`].
    pub(crate) fn big_of(&self, o: Obj) -> Option<Big> {
        if let Some(v) = self.int_to_i64(o) {
            return Some(Big::from_i128(i128::from(v)));
        }
        if !self.is_kind(o, Kind::BigInt) {
            return None;
        }
        let h = self.heap.get(o.bits(), 0);
        let n = ((h >> 1) as usize).min(MAX_LIMBS);
        let mut r = Big::zero();
        for i in 0..n {
            #[allow(clippy::cast_possible_truncation)]
            {
                r.d[i] = self.heap.get(o.bits(), 1 + i as u32);
            }
        }
        r.len = n;
        r.neg = h & 1 == 1;
        r.trim();
        Some(r)
    }

    /// Store a [`Big`] as an int object (small when it fits).
    pub(crate) fn new_big(&mut self, v: &Big) -> PyResult<Obj> {
        if let Some(i) = v.to_i128() {
            if let Some(o) = i64::try_from(i).ok().and_then(Obj::small) {
                return Ok(o);
            }
            if !cfg!(feature = "bigint") {
                if let Ok(i) = i64::try_from(i) {
                    return self.new_int(i);
                }
            }
        }
        if !cfg!(feature = "bigint") {
            return Err(self.long_overflow());
        }
        #[allow(clippy::cast_possible_truncation)]
        let n = v.len as u32;
        let o = self.alloc(Kind::BigInt, n + 1)?;
        self.heap.set(o, 0, u32::from(v.neg) | (n << 1));
        for i in 0..n {
            self.heap.set(o, 1 + i, v.d[i as usize]);
        }
        Ok(Obj::heap(o))
    }

    /// A result beyond 64 bits in a build without the `bigint` feature (py/objint_longlong.c's
    /// error).
    #[cold]
    pub(crate) fn long_overflow(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_OVERFLOW_ERROR, "result overflows long long storage")
    }

    pub(crate) fn big_overflow(&mut self) -> crate::vm::Raised {
        self.raise_msg_str(b::T_OVERFLOW_ERROR, "int too big")
    }

    /// Integer binary operation on arbitrary-precision values (None: not an int op).
    pub(crate) fn big_op(&mut self, op: BinaryOp, a: &Big, bb: &Big) -> PyResult<Option<Obj>> {
        use core::cmp::Ordering;
        let r = match op {
            BinaryOp::ADD => Big::add(a, bb),
            BinaryOp::SUBTRACT => Big::sub(a, bb),
            BinaryOp::MULTIPLY => Big::mul(a, bb),
            BinaryOp::FLOOR_DIVIDE | BinaryOp::MODULO => match Big::floor_divmod(a, bb) {
                Some((q, m)) => Some(if op == BinaryOp::FLOOR_DIVIDE { q } else { m }),
                None => return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero")),
            },
            BinaryOp::TRUE_DIVIDE if !cfg!(feature = "float") => return Ok(None),
            BinaryOp::TRUE_DIVIDE => {
                if bb.is_zero() {
                    return Err(self.raise_msg_str(b::T_ZERO_DIVISION_ERROR, "divide by zero"));
                }
                return self.new_float(a.to_f64() / bb.to_f64()).map(Some);
            }
            BinaryOp::AND | BinaryOp::OR | BinaryOp::XOR => Some(Big::bitop(a, bb, op)),
            BinaryOp::LSHIFT | BinaryOp::RSHIFT => {
                // The count is a machine word (mp_obj_int_get_checked), checked before its sign.
                if bb
                    .to_i128()
                    .is_none_or(|v| v.unsigned_abs() > i32::MAX.unsigned_abs().into())
                {
                    return Err(self.machine_word_overflow());
                }
                if bb.neg {
                    return Err(self.raise_msg_str(b::T_VALUE_ERROR, "negative shift count"));
                }
                let n = bb
                    .to_i128()
                    .and_then(|v| usize::try_from(v).ok())
                    .unwrap_or(usize::MAX);
                if op == BinaryOp::RSHIFT {
                    Some(a.shr(n.min(MAX_LIMBS * 32 + 1)))
                } else if n > MAX_LIMBS * 32 {
                    if a.is_zero() {
                        Some(Big::zero())
                    } else {
                        None
                    }
                } else {
                    a.shl(n)
                }
            }
            BinaryOp::POWER => {
                if bb.neg {
                    return self.float_op(BinaryOp::POWER, a.to_f64(), bb.to_f64());
                }
                let mut acc = Big::from_i128(1);
                let mut base = a.clone();
                let e = bb.clone();
                let n = e.bit_len();
                for i in 0..n {
                    if e.bit(i) {
                        match Big::mul(&acc, &base) {
                            Some(v) => acc = v,
                            None => return Err(self.big_overflow()),
                        }
                    }
                    if i + 1 < n {
                        match Big::mul(&base, &base) {
                            Some(v) => base = v,
                            None => return Err(self.big_overflow()),
                        }
                    }
                }
                Some(acc)
            }
            _ => {
                let ord = a.cmp(bb);
                let r = match op {
                    BinaryOp::LESS => ord == Ordering::Less,
                    BinaryOp::MORE => ord == Ordering::Greater,
                    BinaryOp::LESS_EQUAL => ord != Ordering::Greater,
                    BinaryOp::MORE_EQUAL => ord != Ordering::Less,
                    BinaryOp::EQUAL => ord == Ordering::Equal,
                    BinaryOp::NOT_EQUAL => ord != Ordering::Equal,
                    _ => return Ok(None),
                };
                return Ok(Some(Obj::bool(r)));
            }
        };
        match r {
            Some(v) => self.new_big(&v).map(Some),
            None => Err(self.big_overflow()),
        }
    }

    /// Print an int object in decimal.
    pub(crate) fn print_big(&mut self, sink: crate::object::print::Sink, o: Obj) -> PyResult<()> {
        let Some(mut v) = self.big_of(o) else {
            return Ok(());
        };
        if v.is_zero() {
            return self.sink_write(sink, b"0");
        }
        let neg = v.neg;
        v.neg = false;
        // Base-1e9 chunks, least significant first.
        let mut chunks = [0u32; MAX_LIMBS * 2];
        let mut n = 0;
        while !v.is_zero() && n < chunks.len() {
            chunks[n] = v.divmod_small(1_000_000_000);
            n += 1;
        }
        let mut nb = crate::object::print::NumBuf::new();
        if neg {
            nb.push(b'-');
        }
        nb.push_radix(u64::from(chunks[n - 1]), 10, false, 1);
        self.sink_write(sink, nb.as_bytes())?;
        for i in (0..n - 1).rev() {
            let mut nb = crate::object::print::NumBuf::new();
            nb.push_radix(u64::from(chunks[i]), 10, false, 9);
            self.sink_write(sink, nb.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_limb_division_matches_floor_semantics() {
        // 3**200 (several limbs) and i128 values, by divisors of one limb of both signs.
        let mut big = Big::from_i128(1);
        for _ in 0..200 {
            big = Big::mul(&big, &Big::from_i128(3)).expect("fits");
        }
        for a in [
            big.clone(),
            big.neg(),
            Big::from_i128(i128::MAX / 3),
            Big::from_i128(-7),
        ] {
            for d in [1i128, 7, 999_983, 4_294_967_295, -10, -1_000_000_007] {
                let bd = Big::from_i128(d);
                let (q, r) = Big::floor_divmod(&a, &bd).expect("nonzero");
                // a == q*d + r, with r between 0 and d (sign of d), |r| < |d|.
                let back = Big::add(&Big::mul(&q, &bd).expect("fits"), &r).expect("fits");
                assert_eq!(back.cmp(&a), core::cmp::Ordering::Equal);
                assert!(r.is_zero() || r.neg == (d < 0));
                assert_eq!(r.cmp_mag(&bd), core::cmp::Ordering::Less);
                if let (Some(x), Some(qq)) = (a.to_i128(), q.to_i128()) {
                    assert_eq!(
                        qq,
                        x.div_euclid(d) - i128::from(d < 0 && x.rem_euclid(d) != 0)
                    );
                }
            }
        }
    }
}
