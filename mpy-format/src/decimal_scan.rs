//! What MicroPython's float parser and formatter do the same whatever their `long double`
//! (py/parsenum.c): [`scan_decimal`] turns an unsigned decimal (`digits[.digits][e[+-]digits]`,
//! `_` ignored) into a 64-bit decimal mantissa and a power of ten, exactly as
//! `mp_parse_float_internal` accumulates them, and [`decimal_exp`] scales by a power of ten
//! (`mp_decimal_exp`) in a [`WideFloat`].
//!
//! The wide float itself differs per user: `float_repr` models the x87 80-bit `long double` of
//! the oracle mpy-cross, runtime-min the 128-bit one of the WebAssembly VM. No allocation.

/// The mantissa bound beyond which digits only move the exponent (`MANTISSA_MAX`).
pub const MANTISSA_MAX: u64 = 0x1999_9999_9999_9998;

/// A scanned decimal: its value is `mantissa × 10^exponent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// The decimal digits kept (at most up to [`MANTISSA_MAX`]).
    pub mantissa: u64,
    /// The power of ten to scale the mantissa by.
    pub exponent: i32,
    /// Bytes of the text the number took.
    pub len: usize,
    /// The text ended right after the exponent marker (and its sign): `1e`, `1e+`. The
    /// reference's runtime parser rejects that; the compiler's lexer never produces it.
    pub bare_exponent: bool,
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Part {
    Integer,
    Fraction,
    Exponent,
}

/// Append `digit` to `mantissa`, or count it in the exponent once the mantissa is full.
fn accept_digit(mantissa: u64, digit: u64, exp_extra: &mut i32, part: Part) -> u64 {
    if mantissa < MANTISSA_MAX {
        if part == Part::Fraction {
            *exp_extra -= 1;
        }
        10 * mantissa + digit
    } else {
        if part == Part::Integer {
            *exp_extra += 1;
        }
        mantissa
    }
}

/// Scan the unsigned decimal at the start of `text` (the caller has taken any sign, `inf` and
/// `nan`). Stops at the first byte that cannot continue the number.
#[must_use]
pub fn scan_decimal(text: &[u8]) -> Decimal {
    let mut part = Part::Integer;
    let mut exp_negative = false;
    let mut mantissa = 0u64;
    let mut exp_val = 0i32;
    let mut exp_extra = 0i32;
    // Zeros are deferred: trailing ones in the fraction are dropped.
    let mut zeros_integer = 0i32;
    let mut zeros_fraction = 0i32;
    let mut pos = 0;
    let mut bare_exponent = false;
    while let Some(&c) = text.get(pos) {
        pos += 1;
        if c.is_ascii_digit() {
            let digit = u64::from(c - b'0');
            if part == Part::Exponent {
                if exp_val < (i32::MAX / 2 - 9) / 10 {
                    exp_val = 10 * exp_val + i32::from(c - b'0');
                }
            } else if digit == 0 || mantissa >= MANTISSA_MAX {
                if part == Part::Integer {
                    zeros_integer += 1;
                } else {
                    zeros_fraction += 1;
                }
            } else {
                while zeros_integer > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, Part::Integer);
                    zeros_integer -= 1;
                }
                while zeros_fraction > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, Part::Fraction);
                    zeros_fraction -= 1;
                }
                mantissa = accept_digit(mantissa, digit, &mut exp_extra, part);
            }
        } else if part == Part::Integer && c == b'.' {
            part = Part::Fraction;
        } else if part != Part::Exponent && c | 0x20 == b'e' {
            part = Part::Exponent;
            match text.get(pos) {
                Some(b'+') => pos += 1,
                Some(b'-') => {
                    pos += 1;
                    exp_negative = true;
                }
                _ => {}
            }
            if pos >= text.len() {
                bare_exponent = true;
                break;
            }
        } else if c != b'_' {
            pos -= 1;
            break;
        }
    }
    if exp_negative {
        exp_val = -exp_val;
    }
    Decimal {
        mantissa,
        exponent: exp_val + exp_extra + zeros_integer,
        len: pos,
        bare_exponent,
    }
}

/// The `long double` arithmetic `mp_decimal_exp` runs in: each operation rounded to the
/// model's precision.
pub trait WideFloat: Copy {
    /// The exact value of a `u64` (every model holds 64 bits of mantissa).
    fn from_u64(value: u64) -> Self;
    /// Whether the value is zero.
    fn is_zero(self) -> bool;
    /// `self * other`, rounded.
    #[must_use]
    fn mul(self, other: Self) -> Self;
    /// `self / other`, rounded.
    #[must_use]
    fn div(self, other: Self) -> Self;
}

/// `num * 10^dec_exp` by repeated squaring, every step rounded (`mp_decimal_exp`).
#[must_use]
pub fn decimal_exp<F: WideFloat>(num: F, dec_exp: i32) -> F {
    if dec_exp == 0 || num.is_zero() {
        return num;
    }
    let negative = dec_exp < 0;
    let mut remaining = dec_exp.unsigned_abs();
    let mut result = num;
    let mut power = F::from_u64(10);
    while remaining != 0 {
        if remaining & 1 != 0 {
            result = if negative {
                result.div(power)
            } else {
                result.mul(power)
            };
        }
        remaining >>= 1;
        if remaining != 0 {
            power = power.mul(power);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> (u64, i32, usize, bool) {
        let d = scan_decimal(text.as_bytes());
        (d.mantissa, d.exponent, d.len, d.bare_exponent)
    }

    #[test]
    fn digits_fraction_exponent_and_underscores() {
        assert_eq!(scan("123"), (123, 0, 3, false));
        assert_eq!(scan("1.50"), (15, -1, 4, false));
        assert_eq!(scan("1_000.5x"), (10005, -1, 7, false));
        assert_eq!(scan("2.5e-3"), (25, -4, 6, false));
        assert_eq!(scan("100"), (1, 2, 3, false));
        assert_eq!(scan("1e"), (1, 0, 2, true));
        assert_eq!(scan("1e+"), (1, 0, 3, true));
    }

    #[test]
    fn a_full_mantissa_moves_the_exponent() {
        let d = scan_decimal(b"123456789012345678901234567890");
        assert!(d.mantissa <= MANTISSA_MAX * 10);
        assert_eq!(d.len, 30);
        assert_eq!(
            u64::try_from(d.exponent)
                .ok()
                .map(|e| e + d.mantissa.ilog10() as u64),
            Some(29)
        );
    }
}
