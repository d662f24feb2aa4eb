//! MicroPython's float text, exactly as mpy-cross on x86-64 writes it (after `mp_format_float`
//! in py/formatfloat.c with `MICROPY_FLOAT_FORMAT_IMPL_EXACT`, `mp_print_float` in py/mpprint.c,
//! `mp_decimal_exp` and `mp_parse_float_internal` in py/parsenum.c).
//!
//! The reference computes in x87 80-bit `long double` (64-bit mantissa, round to nearest even),
//! so this module carries a small software model of that type (`Extended`): every product and
//! quotient the reference rounds is rounded at the same place, which makes the digits and the
//! round-trip checks (and therefore the number of digits chosen) identical.
//!
//! `repr(float)`: 16 significant digits first; if MicroPython's own parser does not read them back
//! to the same double, 17, 18, then 19 digits. Exponent form for exponents below -4 or from 16
//! on (`1e+16`, `1e-05`); `.0` appended when there is neither `.` nor `e` (`1.0`, `-0.0`);
//! `inf`, `-inf`, `nan`.

use crate::decimal_scan::decimal_exp;
use alloc::string::String;
use alloc::vec::Vec;

/// A positive x87 80-bit extended value: `mantissa * 2^exponent`, with the mantissa's top bit
/// set (or zero). The exponent is unbounded, which matches the reference for every value whose
/// result ends up in `f64` range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Extended {
    mantissa: u64,
    exponent: i64,
}

impl Extended {
    const ZERO: Self = Self {
        mantissa: 0,
        exponent: 0,
    };

    fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    fn from_u64(value: u64) -> Self {
        if value == 0 {
            return Self::ZERO;
        }
        let shift = value.leading_zeros();
        Self {
            mantissa: value << shift,
            exponent: -i64::from(shift),
        }
    }

    /// The exact value of a finite `f64` (the sign is ignored).
    fn from_f64(value: f64) -> Self {
        let bits = value.to_bits();
        let field = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
        let fraction = bits & ((1 << 52) - 1);
        let (mantissa, exponent) = if field == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, field - 1075)
        };
        let normal = Self::from_u64(mantissa);
        Self {
            exponent: normal.exponent + exponent,
            ..normal
        }
    }

    /// Round `value * 2^exponent` (plus a nonzero tail below it when `sticky`) to 64 bits.
    fn round(value: u128, exponent: i64, sticky: bool) -> Self {
        if value == 0 {
            return Self::ZERO;
        }
        let bits = 128 - value.leading_zeros();
        if bits <= 64 {
            let shift = 64 - bits;
            #[allow(clippy::cast_possible_truncation)]
            return Self {
                mantissa: (value << shift) as u64,
                exponent: exponent - i64::from(shift),
            };
        }
        let drop = bits - 64;
        let kept = value >> drop;
        let rest = value & ((1u128 << drop) - 1);
        let half = 1u128 << (drop - 1);
        let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
        let kept = kept + u128::from(up);
        let exponent = exponent + i64::from(drop);
        #[allow(clippy::cast_possible_truncation)]
        if kept >> 64 != 0 {
            Self {
                mantissa: 1 << 63,
                exponent: exponent + 1,
            }
        } else {
            Self {
                mantissa: kept as u64,
                exponent,
            }
        }
    }

    fn mul(self, other: Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return Self::ZERO;
        }
        Self::round(
            u128::from(self.mantissa) * u128::from(other.mantissa),
            self.exponent + other.exponent,
            false,
        )
    }

    fn div(self, other: Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return Self::ZERO;
        }
        let divisor = u128::from(other.mantissa);
        let numerator = u128::from(self.mantissa) << 64;
        let high = numerator / divisor; // 64 or 65 bits
        let rest = numerator % divisor;
        let low = (rest << 64) / divisor; // the next 64 bits
        let tail = (rest << 64) % divisor;
        let value = high << 62 | low >> 2;
        let sticky = low & 3 != 0 || tail != 0;
        Self::round(value, self.exponent - other.exponent - 64 - 62, sticky)
    }

    /// Round to the nearest `f64` (one rounding, subnormals included), as an x87 store does.
    fn to_f64(self) -> f64 {
        if self.is_zero() {
            return 0.0;
        }
        // The value lies in [2^top, 2^(top+1)).
        let top = self.exponent + 63;
        if top > 1023 {
            return f64::INFINITY;
        }
        // The weight of the last kept bit: 2^-1074 for subnormals, else 53 bits below the top.
        let last = if top >= -1022 { top - 52 } else { -1074 };
        let drop = last - self.exponent; // >= 11
        if drop > 65 {
            return 0.0;
        }
        let mantissa = u128::from(self.mantissa);
        let drop = u32::try_from(drop).unwrap_or(65);
        let kept = mantissa >> drop;
        let rest = mantissa & ((1u128 << drop) - 1);
        let half = 1u128 << (drop - 1);
        let kept = kept + u128::from(rest > half || (rest == half && kept & 1 == 1));
        #[allow(clippy::cast_possible_truncation)]
        let kept = kept as u64;
        if top < -1022 {
            // Subnormal (rounding up to 2^52 gives the smallest normal, which these bits also encode).
            return f64::from_bits(kept);
        }
        let (kept, top) = if kept >> 53 != 0 {
            (kept >> 1, top + 1)
        } else {
            (kept, top)
        };
        if top > 1023 {
            return f64::INFINITY;
        }
        let field = u64::try_from(top + 1023).unwrap_or(0);
        f64::from_bits(field << 52 | (kept & ((1 << 52) - 1)))
    }

    /// `(uint64_t)(self + 0.5L)`: add one half with 64-bit rounding, then truncate.
    fn add_half_truncate(self) -> u64 {
        if self.is_zero() {
            return 0;
        }
        if self.exponent > 0 {
            return u64::MAX;
        }
        if self.exponent < -64 {
            return 0;
        }
        // Fixed point with 64 fractional bits.
        let shift = u32::try_from(self.exponent + 64).unwrap_or(0);
        let sum = (u128::from(self.mantissa) << shift) + (1u128 << 63);
        let rounded = Self::round(sum, -64, false);
        // Truncate the rounded value to an integer.
        let integer_shift = rounded.exponent;
        if integer_shift >= 0 {
            u64::MAX
        } else if integer_shift <= -64 {
            0
        } else {
            rounded.mantissa >> u32::try_from(-integer_shift).unwrap_or(63)
        }
    }
}

impl crate::decimal_scan::WideFloat for Extended {
    fn from_u64(value: u64) -> Self {
        Extended::from_u64(value)
    }
    fn is_zero(self) -> bool {
        Extended::is_zero(self)
    }
    fn mul(self, other: Self) -> Self {
        Extended::mul(self, other)
    }
    fn div(self, other: Self) -> Self {
        Extended::div(self, other)
    }
}

/// Parse an unsigned decimal number (`digits[.digits][e[+-]digits]`, `_` ignored) exactly as
/// MicroPython does (`mp_parse_float_internal`; not always correctly rounded). Parsing stops at
/// the first other character. This is how mpy-cross reads float literals, so the compiler gets
/// the same `f64` the reference gets.
#[must_use]
pub fn parse_decimal(text: &str) -> f64 {
    let decimal = crate::decimal_scan::scan_decimal(text.as_bytes());
    decimal_exp(Extended::from_u64(decimal.mantissa), decimal.exponent).to_f64()
}

/// The digits significant-digit search may go up to (`MAX_MANTISSA_DIGITS` for doubles).
const MAX_MANTISSA_DIGITS: i32 = 19;
/// The digits it starts with (`SAFE_MANTISSA_DIGITS`).
const SAFE_MANTISSA_DIGITS: i32 = 16;
/// With the repr precision, exponents below this are written out as zeros.
const MAX_EXP_ZEROS: i32 = 16;

/// `mp_format_mantissa` in `'g'` mode: place the decimal mantissa's digits, expand small
/// exponents into zeros, strip trailing zeros and append the exponent.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn format_mantissa(
    mantissa: u64,
    cap: u64,
    num_digits: i32,
    trailing_zeros: i32,
    e: i32,
) -> Vec<u8> {
    let (mut mantissa, mut num_digits, mut trailing_zeros, mut e) =
        (mantissa, num_digits, trailing_zeros, e);
    let mut dec: i32 = 0;
    let mut out = Vec::with_capacity(32);
    if mantissa != 0 && mantissa >= cap {
        mantissa /= 10;
        e += 1;
    }
    if e != 0 {
        if e >= 0 {
            if e < MAX_EXP_ZEROS {
                dec += e;
                if dec >= num_digits {
                    trailing_zeros = dec - (num_digits - 1);
                }
                e = 0;
            }
        } else if e >= -4 {
            let mut count = 0;
            while e < 0 && mantissa % 10 == 0 {
                mantissa /= 10;
                count += 1;
                e += 1;
            }
            num_digits -= count;
            out.extend_from_slice(b"0.");
            out.resize(
                out.len() + usize::try_from(count - e - 1).unwrap_or(0),
                b'0',
            );
            dec = 255;
            e = 0;
        }
    }
    let start = out.len();
    let gap = dec + 1 < num_digits;
    out.resize(start + num_digits.max(0) as usize + usize::from(gap), b'0');
    for digit in (0..num_digits).rev() {
        let at = if digit > dec { digit + 1 } else { digit };
        out[start + at as usize] = b'0' + (mantissa % 10) as u8;
        mantissa /= 10;
    }
    let mut dot = dec >= 255;
    if gap {
        dot = true;
        out[start + dec as usize + 1] = b'.';
    }
    if trailing_zeros != 0 {
        dec -= num_digits - 1;
        while trailing_zeros > 0 {
            trailing_zeros -= 1;
            if dec == 0 {
                out.push(b'.');
                dot = true;
            }
            dec -= 1;
            out.push(b'0');
        }
    }
    if dot {
        while out.last() == Some(&b'0') {
            out.pop();
        }
        if out.last() == Some(&b'.') {
            out.pop();
        }
    }
    if e != 0 {
        out.push(b'e');
        out.push(if e >= 0 { b'+' } else { b'-' });
        let e = e.unsigned_abs();
        if e >= 100 {
            out.push(b'0' + (e / 100) as u8);
        }
        out.push(b'0' + ((e / 10) % 10) as u8);
        out.push(b'0' + (e % 10) as u8);
    }
    out
}

/// The power-of-ten exponent of a positive finite `f`, found the reference's way (comparing
/// against powers of ten rounded to `f64`, which differs from `floor(log10(f))` near them).
fn decimal_exponent(f: f64) -> i32 {
    if f == 0.0 {
        return 0;
    }
    let field = i32::try_from((f.to_bits() >> 52) & 0x7ff).unwrap_or(0);
    #[allow(clippy::cast_possible_truncation)]
    let mut e = (f64::from(field - 1023) * core::f64::consts::LOG10_2) as i32;
    let positive = f >= 1.0;
    let power = |k: i32| decimal_exp(Extended::from_u64(1), k).to_f64();
    let mut base = power(e + i32::from(positive));
    while (f >= base) == positive {
        e += if positive { 1 } else { -1 };
        base = power(e + i32::from(positive));
    }
    e
}

/// `mp_format_float(f, 'g', MP_FLOAT_REPR_PREC)` for a non-negative finite `f`.
fn format_repr_digits(f: f64) -> Vec<u8> {
    let e = decimal_exponent(f);
    let value = Extended::from_f64(f);
    let mut num_digits = SAFE_MANTISSA_DIGITS;
    loop {
        let extra_zeros = MAX_MANTISSA_DIGITS - num_digits;
        let decexp = if f == 0.0 { 0 } else { num_digits - e - 1 };
        let cap = 10u64.pow(num_digits.unsigned_abs());
        let mantissa = decimal_exp(value, decexp).add_half_truncate();
        let text = format_mantissa(mantissa, cap, num_digits, extra_zeros, e);
        if num_digits < MAX_MANTISSA_DIGITS {
            let check = parse_decimal(core::str::from_utf8(&text).unwrap_or(""));
            if check != f {
                num_digits += 1;
                continue;
            }
        }
        return text;
    }
}

fn format_g_repr(f: f64, always_decimal: bool) -> String {
    let mut out = String::with_capacity(32);
    if f.is_sign_negative() && !f.is_nan() {
        out.push('-');
    }
    if f.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if f.is_nan() {
        out.push_str("nan");
        return out;
    }
    let digits = format_repr_digits(f.abs());
    out.push_str(core::str::from_utf8(&digits).unwrap_or(""));
    if always_decimal && !out.contains(['.', 'e']) {
        out.push_str(".0");
    }
    out
}

/// `repr(f)` as MicroPython 1.29 (x86-64 build) prints it, and as `.mpy` float constants store it:
/// `1.0`, `0.1`, `1e+16`, `1000000000000000.0`, `1e-07`, `-0.0`, `inf`, `nan`,
/// `4.940656458412465e-324`.
#[must_use]
pub fn format_float_repr(f: f64) -> String {
    format_g_repr(f, true)
}

/// The imaginary part of a complex repr, without the forced `.0` and without the `j`
/// (`1`, `0.1`, `1e+22`, `-2.5`): a complex constant's text is this followed by `j`.
#[must_use]
pub fn format_complex_imag_repr(f: f64) -> String {
    format_g_repr(f, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_examples() {
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-7, "1e-07"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e22, "1e+22"),
            (1e23, "1e+23"),
            (1e100, "1e+100"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "4.940656458412465e-324"),
            (core::f64::consts::PI, "3.141592653589793"),
            (core::f64::consts::E, "2.718281828459045"),
            (f64::MAX, "1.7976931348623157e+308"),
        ];
        for &(f, text) in cases {
            assert_eq!(format_float_repr(f), text, "{f:e}");
        }
        assert_eq!(format_complex_imag_repr(1.0), "1");
        assert_eq!(format_complex_imag_repr(1e22), "1e+22");
        assert_eq!(format_complex_imag_repr(0.1), "0.1");
    }

    #[test]
    fn parser_examples() {
        assert_eq!(parse_decimal("1.5"), 1.5);
        assert_eq!(parse_decimal("0.1"), 0.1);
        assert_eq!(parse_decimal("1e16"), 1e16);
        assert_eq!(parse_decimal("1_000.5"), 1000.5);
        assert_eq!(parse_decimal("1e400"), f64::INFINITY);
        assert_eq!(parse_decimal("1e-400"), 0.0);
        assert_eq!(parse_decimal("4.940656458412465e-324"), 5e-324);
    }

    #[test]
    fn extended_rounding() {
        let ten = Extended::from_u64(10);
        let three = Extended::from_u64(3);
        // 10/3 in 64 bits, back to f64, is the correctly rounded double.
        assert_eq!(ten.div(three).to_f64(), 10.0 / 3.0);
        assert_eq!(Extended::from_f64(0.1).to_f64(), 0.1);
        assert_eq!(Extended::from_f64(5e-324).to_f64(), 5e-324);
        assert_eq!(Extended::from_u64(7).add_half_truncate(), 7);
        assert_eq!(Extended::from_f64(2.5).add_half_truncate(), 3);
    }
}
