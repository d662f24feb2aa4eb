//! Number literals (after py/parsenum.c and py/parsenumbase.c), bit-exact with an x86-64
//! host build of mpy-cross.
//!
//! Decimal floats take their value from `mpy_format::float_repr::parse_decimal`, the one
//! port of MicroPython's float parser (x87 80-bit arithmetic, not always correctly rounded),
//! so the compiler gets the same `f64` as the reference.

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

/// `mp_parse_float_internal`: the value and the number of bytes used, or `None` for an
/// exponent marker with nothing after it. The bytes consumed follow the reference's scanner
/// (digits and `_`, one `.` before any exponent, `e` with an optional sign); the value comes
/// from [`mpy_format::float_repr::parse_decimal`], MicroPython's own (not always correctly
/// rounded) algorithm, checked against the oracle's `.mpy` output.
fn parse_float_internal(s: &[u8]) -> Option<(f64, usize)> {
    let mut seen_dot = false;
    let mut seen_exp = false;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c.is_ascii_digit() || c == b'_' {
            i += 1;
        } else if c == b'.' && !seen_dot && !seen_exp {
            seen_dot = true;
            i += 1;
        } else if c | 0x20 == b'e' && !seen_exp {
            seen_exp = true;
            i += 1;
            if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
                i += 1;
            }
            if i == s.len() {
                return None;
            }
        } else {
            break;
        }
    }
    // Everything consumed is ASCII.
    let text = core::str::from_utf8(&s[..i]).ok()?;
    Some((mpy_format::float_repr::parse_decimal(text), i))
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
        // Not correctly rounded in the reference (the oracle writes 42.76632059595738).
        assert_eq!(float("42.766320595957378"), 42.766_320_595_957_38);
        assert_eq!(float("1_000.5e1_0"), 1_000.5e10);
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
