//! Number literals (after py/parsenum.c and py/parsenumbase.c), bit-exact with an x86-64
//! host build of mpy-cross.
//!
//! Decimal floats are parsed the way `mp_parse_float_internal` does with
//! `MICROPY_FLOAT_FORMAT_IMPL_EXACT`: up to ~19 significant digits in a `u64` mantissa,
//! then scaled by powers of ten computed in x87 80-bit `long double` and finally rounded
//! to `double`. That double rounding is not always correct rounding, so this module
//! emulates the 64-bit-mantissa arithmetic in software ([`Extended`]).

use num_bigint::BigInt;
use num_traits::Num;

use crate::lexer::is_space;
use crate::value::ConstValue;

/// Parses an integer literal as the lexer produced it (`mp_parse_num_integer` with base 0).
///
/// # Errors
/// The reference's message, e.g. `invalid syntax for integer with base 8: '9'`.
pub(crate) fn parse_integer(text: &[u8]) -> Result<BigInt, String> {
    let mut s = text;
    while let Some((&c, rest)) = s.split_first() {
        if !is_space(c) {
            break;
        }
        s = rest;
    }
    let mut neg = false;
    if let Some((&c, rest)) = s.split_first() {
        if c == b'+' {
            s = rest;
        } else if c == b'-' {
            s = rest;
            neg = true;
        }
    }
    // base prefix (mp_parse_num_base with base 0)
    let mut base: u32 = 10;
    if s.len() > 1 && s[0] == b'0' {
        match s[1] | 0x20 {
            b'x' => {
                base = 16;
                s = &s[2..];
            }
            b'o' => {
                base = 8;
                s = &s[2..];
            }
            b'b' => {
                base = 2;
                s = &s[2..];
            }
            _ => base = 1, // leading zero: only zeros are allowed
        }
    }
    let value_start = s;
    let mut digits = Vec::with_capacity(s.len());
    let mut consumed = 0;
    for &c in s {
        let dig = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'_' => {
                consumed += 1;
                continue;
            }
            _ => {
                let lower = c | 0x20;
                if lower.is_ascii_lowercase() {
                    u32::from(lower - b'a') + 10
                } else {
                    break;
                }
            }
        };
        if dig >= base {
            break;
        }
        digits.push(c);
        consumed += 1;
    }
    let mut rest = &s[consumed..];
    let error = || {
        let shown_base = if base == 1 { 0 } else { base };
        format!(
            "invalid syntax for integer with base {shown_base}: {}",
            quote_bytes(value_start)
        )
    };
    if digits.is_empty() {
        return Err(error());
    }
    while let Some((&c, r)) = rest.split_first() {
        if !is_space(c) {
            break;
        }
        rest = r;
    }
    if !rest.is_empty() {
        return Err(error());
    }
    let radix = if base == 1 { 10 } else { base };
    let text = core::str::from_utf8(&digits).map_err(|_| error())?;
    let magnitude = BigInt::from_str_radix(text, radix).map_err(|_| error())?;
    Ok(if neg { -magnitude } else { magnitude })
}

/// `mp_str_print_quoted(..., is_bytes = true)`: Python-style quoting, non-ASCII as `\xNN`.
pub(crate) fn quote_bytes(s: &[u8]) -> String {
    let mut has_single = false;
    let mut has_double = false;
    for &c in s {
        if c == b'\'' {
            has_single = true;
        } else if c == b'"' {
            has_double = true;
            break;
        }
    }
    let quote = if has_single && !has_double {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::new();
    out.push(char::from(quote));
    for &c in s {
        if c == quote {
            out.push('\\');
            out.push(char::from(quote));
        } else if c == b'\\' {
            out.push_str("\\\\");
        } else if c >= 0x20 && c != 0x7f && c < 0x80 {
            out.push(char::from(c));
        } else if c == b'\n' {
            out.push_str("\\n");
        } else if c == b'\r' {
            out.push_str("\\r");
        } else if c == b'\t' {
            out.push_str("\\t");
        } else {
            out.push_str(&format!("\\x{c:02x}"));
        }
    }
    out.push(char::from(quote));
    out
}

/// Parses a float or imaginary literal (`mp_parse_num_float` with `allow_imag`).
///
/// # Errors
/// `invalid syntax for number`.
pub(crate) fn parse_float(text: &[u8]) -> Result<ConstValue, String> {
    const ERR: &str = "invalid syntax for number";
    let mut i = 0;
    while i < text.len() && is_space(text[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < text.len() && (text[i] == b'+' || text[i] == b'-') {
        neg = text[i] == b'-';
        i += 1;
    }
    let start = i;
    let rest = &text[i..];
    let lower3 =
        |s: &[u8], w: &[u8]| s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a | 0x20 == *b);
    let mut value;
    if lower3(rest, b"inf") {
        i += 3;
        value = f64::INFINITY;
        if lower3(&text[i..], b"inity") {
            i += 5;
        }
    } else if lower3(rest, b"nan") {
        i += 3;
        value = f64::NAN;
    } else {
        let (v, used) = parse_float_internal(rest).ok_or(ERR)?;
        value = v;
        i += used;
    }
    let mut imag = false;
    if i < text.len() && text[i] | 0x20 == b'j' {
        if i == start {
            value = 1.0;
        }
        i += 1;
        imag = true;
    }
    if neg {
        value = -value;
    }
    if i == start {
        return Err(ERR.into());
    }
    while i < text.len() && is_space(text[i]) {
        i += 1;
    }
    if i != text.len() {
        return Err(ERR.into());
    }
    Ok(if imag {
        ConstValue::Complex(value)
    } else {
        ConstValue::Float(value)
    })
}

const MANTISSA_MAX: u64 = 0x1999_9999_9999_9998;

#[derive(Clone, Copy, PartialEq, Eq)]
enum DecIn {
    Intg,
    Frac,
    Exp,
}

fn accept_digit(mantissa: u64, dig: u64, exp_extra: &mut i64, state: DecIn) -> u64 {
    if mantissa < MANTISSA_MAX {
        if state == DecIn::Frac {
            *exp_extra -= 1;
        }
        10 * mantissa + dig
    } else {
        if state == DecIn::Intg {
            *exp_extra += 1;
        }
        mantissa
    }
}

/// `mp_parse_float_internal`: returns the value and the number of bytes used, or `None`
/// for an exponent marker with nothing after it.
fn parse_float_internal(s: &[u8]) -> Option<(f64, usize)> {
    const EXP_CAP: i64 = (i32::MAX as i64 / 2 - 9) / 10;
    let mut state = DecIn::Intg;
    let mut exp_neg = false;
    let mut mantissa: u64 = 0;
    let mut exp_val: i64 = 0;
    let mut exp_extra: i64 = 0;
    let mut trailing_zeros_intg: i64 = 0;
    let mut trailing_zeros_frac: i64 = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() {
            let dig = u64::from(c - b'0');
            if state == DecIn::Exp {
                if exp_val < EXP_CAP {
                    exp_val = 10 * exp_val + dig as i64;
                }
            } else if dig == 0 || mantissa >= MANTISSA_MAX {
                if state == DecIn::Intg {
                    trailing_zeros_intg += 1;
                } else {
                    trailing_zeros_frac += 1;
                }
            } else {
                while trailing_zeros_intg > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, DecIn::Intg);
                    trailing_zeros_intg -= 1;
                }
                while trailing_zeros_frac > 0 {
                    mantissa = accept_digit(mantissa, 0, &mut exp_extra, DecIn::Frac);
                    trailing_zeros_frac -= 1;
                }
                mantissa = accept_digit(mantissa, dig, &mut exp_extra, state);
            }
        } else if state == DecIn::Intg && c == b'.' {
            state = DecIn::Frac;
        } else if state != DecIn::Exp && c | 0x20 == b'e' {
            state = DecIn::Exp;
            if i < s.len() {
                if s[i] == b'+' {
                    i += 1;
                } else if s[i] == b'-' {
                    i += 1;
                    exp_neg = true;
                }
            }
            if i == s.len() {
                return None;
            }
        } else if c == b'_' {
            continue;
        } else {
            i -= 1;
            break;
        }
    }
    if exp_neg {
        exp_val = -exp_val;
    }
    exp_val += exp_extra + trailing_zeros_intg;
    Some((decimal_exp(mantissa, exp_val).to_f64(), i))
}

/// `mp_decimal_exp` (EXACT flavour): `num * 10**dec_exp` by repeated squaring in
/// 80-bit extended precision.
fn decimal_exp(num: u64, dec_exp: i64) -> Extended {
    let num = Extended::from_u64(num);
    if dec_exp == 0 || num.is_zero() {
        return num;
    }
    let neg = dec_exp < 0;
    let mut e = dec_exp.unsigned_abs();
    let mut res = num;
    let mut expo = Extended::from_u64(10);
    while e != 0 {
        if e & 1 != 0 {
            res = if neg { res.div(expo) } else { res.mul(expo) };
        }
        e >>= 1;
        if e != 0 {
            expo = expo.mul(expo);
        }
    }
    res
}

/// A positive x87 extended-precision value `mant * 2^exp` with a 64-bit mantissa
/// (normalised: top bit set, or zero). The exponent is unbounded: values outside the
/// x87 range only arise where the final `double` is 0 or infinity anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Extended {
    mant: u64,
    exp: i64,
}

/// Shifts `x` right by `s` bits, rounding to nearest, ties to even; `sticky` says whether
/// nonzero bits were already lost below `x`.
fn round_shift(x: u128, s: u32, sticky: bool) -> u128 {
    if s == 0 {
        return x;
    }
    if s >= 128 {
        return 0;
    }
    let kept = x >> s;
    let dropped = x & ((1u128 << s) - 1);
    let half = 1u128 << (s - 1);
    let round_up = dropped > half || (dropped == half && (sticky || kept & 1 == 1));
    kept + u128::from(round_up)
}

impl Extended {
    fn from_u64(v: u64) -> Self {
        if v == 0 {
            return Self { mant: 0, exp: 0 };
        }
        let lz = v.leading_zeros();
        Self {
            mant: v << lz,
            exp: -i64::from(lz),
        }
    }

    fn is_zero(self) -> bool {
        self.mant == 0
    }

    /// Normalises a wide mantissa to 64 bits with rounding.
    fn from_wide(m: u128, exp: i64, sticky: bool) -> Self {
        if m == 0 {
            return Self { mant: 0, exp: 0 };
        }
        let bits = 128 - m.leading_zeros();
        if bits <= 64 {
            let shift = 64 - bits;
            return Self {
                mant: (m << shift) as u64,
                exp: exp - i64::from(shift),
            };
        }
        let s = bits - 64;
        let mut r = round_shift(m, s, sticky);
        let mut e = exp + i64::from(s);
        if r >> 64 != 0 {
            r >>= 1;
            e += 1;
        }
        Self {
            mant: r as u64,
            exp: e,
        }
    }

    fn mul(self, other: Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return Self { mant: 0, exp: 0 };
        }
        Self::from_wide(
            u128::from(self.mant) * u128::from(other.mant),
            self.exp + other.exp,
            false,
        )
    }

    fn div(self, other: Self) -> Self {
        if self.is_zero() || other.is_zero() {
            return Self { mant: 0, exp: 0 };
        }
        let n = u128::from(self.mant) << 64;
        let d = u128::from(other.mant);
        let q = n / d;
        let r = n % d;
        Self::from_wide(q, self.exp - other.exp - 64, r != 0)
    }

    /// Rounds to the nearest `double` (ties to even), with subnormals and overflow to infinity.
    fn to_f64(self) -> f64 {
        if self.mant == 0 {
            return 0.0;
        }
        let top = self.exp + 63; // exponent of the leading bit
        if top > 1023 {
            return f64::INFINITY;
        }
        if top >= -1022 {
            let mut r = round_shift(u128::from(self.mant), 11, false) as u64;
            let mut top = top;
            if r >> 53 != 0 {
                r >>= 1;
                top += 1;
                if top > 1023 {
                    return f64::INFINITY;
                }
            }
            let biased = (top + 1023) as u64;
            return f64::from_bits(biased << 52 | (r & ((1u64 << 52) - 1)));
        }
        // subnormal: count in units of 2^-1074
        let s = -(self.exp + 1074);
        let s = u32::try_from(s).unwrap_or(u32::MAX);
        let r = round_shift(u128::from(self.mant), s.min(128), false) as u64;
        f64::from_bits(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(s: &str) -> f64 {
        match parse_float(s.as_bytes()) {
            Ok(ConstValue::Float(f)) => f,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn decimal_floats() {
        assert_eq!(float("0.1"), 0.1);
        assert_eq!(float("1.5"), 1.5);
        assert_eq!(float("1e308"), 1e308);
        assert_eq!(float("1.7976931348623157e308"), f64::MAX);
        assert_eq!(float("1e309"), f64::INFINITY);
        assert_eq!(float("1e-400"), 0.0);
        assert_eq!(float("2.2250738585072014e-308"), 2.2250738585072014e-308);
        assert_eq!(float("5e-324"), 5e-324);
        assert_eq!(
            float("123456789012345678901234567890.0"),
            123456789012345678901234567890.0
        );
        assert_eq!(parse_float(b"2j"), Ok(ConstValue::Complex(2.0)));
        assert!(parse_float(b"1e").is_err());
        assert!(parse_float(b"1.2.3").is_err());
    }

    #[test]
    fn integers() {
        assert_eq!(parse_integer(b"0x1F"), Ok(BigInt::from(31)));
        assert_eq!(parse_integer(b"00"), Ok(BigInt::from(0)));
        assert_eq!(
            parse_integer(b"0o9").unwrap_err(),
            "invalid syntax for integer with base 8: '9'"
        );
        assert_eq!(
            parse_integer(b"0123").unwrap_err(),
            "invalid syntax for integer with base 0: '0123'"
        );
        assert_eq!(
            parse_integer(b"0x").unwrap_err(),
            "invalid syntax for integer with base 16: ''"
        );
        assert_eq!(
            parse_integer(b"123456789012345678901234567890"),
            Ok("123456789012345678901234567890".parse().unwrap())
        );
    }
}
