//! `x ** y`, `exp` and `log` for floats without libm, correctly rounded in all but
//! vanishingly rare cases: they are computed in double-double arithmetic (about 100 bits)
//! and rounded once, so they agree with a good libm (the MicroPython builds use musl's)
//! where a plain series in `f64` was off by an ulp (`25 ** 0.5` gave 4.999999999999999).
//! (Exact ties are the exception: `10.0 ** 23` is exactly halfway between two doubles; we
//! round to even like `float("1e23")`, musl's `pow` rounds up.)

// `exp` and the logarithms serve only the `math` module.
#![cfg_attr(not(feature = "float"), allow(dead_code))]

use crate::object::ops::{floor, trunc};

/// An unevaluated sum `hi + lo` with `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug)]
struct Dd {
    hi: f64,
    lo: f64,
}

/// ln 2 to about 107 bits.
const LN2: Dd = Dd {
    hi: core::f64::consts::LN_2,
    lo: 2.319_046_813_846_299_6e-17,
};
/// ln 10 to about 107 bits.
const LN10: Dd = Dd {
    hi: core::f64::consts::LN_10,
    lo: -2.170_756_223_382_249_4e-16,
};

/// `a + b` exactly, as `s + e`.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// Dekker's exact product: `a * b = p + e` (operands below 2**996 in magnitude).
pub(crate) fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let split = |v: f64| {
        let c = 134_217_729.0 * v;
        let hi = c - (c - v);
        (hi, v - hi)
    };
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    let e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    (p, e)
}

impl Dd {
    const ONE: Dd = Dd { hi: 1.0, lo: 0.0 };

    fn from(v: f64) -> Dd {
        Dd { hi: v, lo: 0.0 }
    }

    fn normalized(hi: f64, lo: f64) -> Dd {
        let s = hi + lo;
        Dd {
            hi: s,
            lo: lo - (s - hi),
        }
    }

    fn add(self, b: Dd) -> Dd {
        let (s, e) = two_sum(self.hi, b.hi);
        Dd::normalized(s, e + self.lo + b.lo)
    }

    fn mul(self, b: Dd) -> Dd {
        let (p, e) = two_prod(self.hi, b.hi);
        Dd::normalized(p, e + self.hi * b.lo + self.lo * b.hi)
    }

    fn mul_f(self, b: f64) -> Dd {
        let (p, e) = two_prod(self.hi, b);
        Dd::normalized(p, e + self.lo * b)
    }

    fn div(self, b: Dd) -> Dd {
        let q1 = self.hi / b.hi;
        let r = self.add(b.mul_f(-q1));
        let q2 = r.hi / b.hi;
        let r = r.add(b.mul_f(-q2));
        let q3 = r.hi / b.hi;
        Dd::normalized(q1, q2).add(Dd::from(q3))
    }

    fn div_f(self, b: f64) -> Dd {
        self.div(Dd::from(b))
    }

    /// Scales by 2**k (exact while the parts stay normal).
    fn scale(self, k: i32) -> Dd {
        Dd {
            hi: ldexp(self.hi, k),
            lo: ldexp(self.lo, k),
        }
    }
}

/// `x * 2**k`, exact unless the result is subnormal.
pub(crate) fn ldexp(mut x: f64, mut k: i32) -> f64 {
    let step = |k: i32| f64::from_bits(((i64::from(k) + 1023) as u64) << 52);
    while k > 1000 {
        x *= step(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= step(-1000);
        k += 1000;
    }
    x * step(k)
}

/// ln x for finite x > 0.
fn ln_dd(x: f64) -> Dd {
    let mut bits = x.to_bits();
    let mut k = 0i32;
    if bits >> 52 == 0 {
        // Subnormal: scale into the normal range first.
        bits = (x * 18_014_398_509_481_984.0).to_bits(); // 2**54
        k = -54;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
    {
        k += ((bits >> 52) & 0x7ff) as i32 - 1023;
    }
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > core::f64::consts::SQRT_2 {
        m *= 0.5;
        k += 1;
    }
    // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172: 2 (s + s^3/3 + s^5/5 + ...).
    let (den_hi, den_lo) = two_sum(m, 1.0);
    let s = Dd::from(m - 1.0).div(Dd {
        hi: den_hi,
        lo: den_lo,
    });
    let t = s.mul(s);
    let mut series = Dd::ONE.div_f(45.0);
    for i in (0..22).rev() {
        series = series.mul(t).add(Dd::ONE.div_f(f64::from(2 * i + 1)));
    }
    LN2.mul_f(f64::from(k)).add(s.mul(series).mul_f(2.0))
}

/// e^p for a double-double p, rounded once.
fn exp_dd(p: Dd) -> f64 {
    if p.hi > 709.8 {
        return f64::INFINITY;
    }
    if p.hi < -745.2 {
        return 0.0;
    }
    // p = k ln 2 + r, |r| <= ln 2 / 2; e^r = (e^(r / 1024))^1024.
    let k = floor(p.hi / core::f64::consts::LN_2 + 0.5);
    #[allow(clippy::cast_possible_truncation)]
    let k_int = k as i32;
    let r = p.add(LN2.mul_f(-k)).scale(-10);
    let mut e = Dd::ONE;
    for i in (1..=10).rev() {
        e = Dd::ONE.add(e.mul(r).div_f(f64::from(i)));
    }
    for _ in 0..10 {
        e = e.mul(e);
    }
    if k_int > -1000 {
        return ldexp(e.hi + e.lo, k_int);
    }
    // Near the subnormal range: round once, at the final scale.
    let partial = e.scale(-1000);
    ldexp(partial.hi + partial.lo, k_int + 1000)
}

/// Natural logarithm.
pub(crate) fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let r = ln_dd(x);
    r.hi + r.lo
}

/// Base-10 logarithm.
pub(crate) fn log10(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return ln(x);
    }
    let r = ln_dd(x).div(LN10);
    r.hi + r.lo
}

/// Base-2 logarithm.
pub(crate) fn log2(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return ln(x);
    }
    let r = ln_dd(x).div(LN2);
    r.hi + r.lo
}

/// e^x.
pub(crate) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    exp_dd(Dd::from(x))
}

/// `x ** y` with C99's special values: `x ** 0` and `1 ** y` are 1 even for NaN, infinite
/// exponents compare `|x|` with 1, zero and infinite bases keep the sign for odd integer
/// exponents, a negative base needs an integer exponent (NaN otherwise).
pub(crate) fn powf(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        let ax = x.abs();
        return if ax == 1.0 {
            1.0
        } else if (ax < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let y_is_int = trunc(y) == y;
    // Above 2**53 every double is even.
    let y_is_odd = y_is_int && y.abs() < 9_007_199_254_740_992.0 && trunc(y / 2.0) * 2.0 != y;
    if x == 0.0 || x.is_infinite() {
        let magnitude = if (x == 0.0) == (y < 0.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return if y_is_odd && x.is_sign_negative() {
            -magnitude
        } else {
            magnitude
        };
    }
    if x < 0.0 && !y_is_int {
        return f64::NAN;
    }
    // One correctly rounded operation where there is one.
    if y == 1.0 {
        return x;
    }
    if y == 2.0 {
        return x * x;
    }
    if y == -1.0 {
        return 1.0 / x;
    }
    if y_is_int && y.abs() <= 4096.0 {
        // 113-bit intermediates, rounded once.
        #[allow(clippy::cast_possible_truncation)]
        return crate::object::float_text::pow_int(x, y as i32);
    }
    let l = ln_dd(x.abs());
    let magnitude = if (y * l.hi).abs() > 800.0 {
        if (y > 0.0) == (l.hi > 0.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        exp_dd(l.mul_f(y))
    };
    if x < 0.0 && y_is_odd {
        -magnitude
    } else {
        magnitude
    }
}

/// Correctly rounded square root (Newton iteration, then an exact ±1 ulp correction).
pub(crate) fn sqrt(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 || x.is_infinite() {
        return x;
    }
    let mut r = f64::from_bits((x.to_bits() >> 1) + 0x1ff8_0000_0000_0000);
    for _ in 0..8 {
        r = 0.5 * (r + x / r);
    }
    // Pick among neighbours the one whose square is nearest to x (exact via two-product).
    let residual = |c: f64| {
        let (p, e) = two_prod(c, c);
        ((p - x) + e).abs()
    };
    let mut best = r;
    for c in [
        f64::from_bits(r.to_bits() - 1),
        f64::from_bits(r.to_bits() + 1),
    ] {
        if residual(c) < residual(best) {
            best = c;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_correctly_rounded_cases() {
        assert_eq!(powf(25.0, 0.5), 5.0);
        assert_eq!(powf(2.0, 10.0), 1024.0);
        assert_eq!(powf(2.0, -1074.0), f64::from_bits(1));
        assert_eq!(powf(10.0, 22.0), 1e22);
        assert_eq!(powf(-2.0, 3.0), -8.0);
        assert_eq!(powf(9.0, 1.5), 27.0);
        assert_eq!(powf(2.0, 0.5), core::f64::consts::SQRT_2);
        assert_eq!(ln(core::f64::consts::E), 1.0);
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(1.0), core::f64::consts::E);
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(log10(1000.0), 3.0);
        assert_eq!(log2(1024.0), 10.0);
        assert_eq!(ln(0.943_391_917_294_148_3), -0.058_273_475_802_610_42);
        assert_eq!(log10(1e-300), -300.0);
        assert!(powf(10.0, 400.0).is_infinite());
        assert_eq!(powf(10.0, -400.0), 0.0);
        assert_eq!(ln(f64::from_bits(1)), -744.440_071_921_381_2);
    }
}
