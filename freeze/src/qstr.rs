//! qstr helpers for the C output (after py/makeqstrdata.py: `compute_hash`, `qstr_escape`,
//! `escape_bytes`, `parse_input_headers`) and the Python-style text formatting mpy-tool uses.

use std::collections::HashSet;
use std::path::Path;

use mpy_format::static_qstr::{static_qstr, LAST_STATIC_QSTR};

use crate::codepoint_names::CODEPOINT_NAMES;
use crate::error::{Error, Result};

/// The qstr hash of `bytes` with `bytes_in_hash` hash bytes (djb2 with xor; 0 becomes 1; a
/// width of 0 means 16 bits, as qstr.c does).
#[must_use]
pub fn compute_hash(bytes: &[u8], bytes_in_hash: u32) -> u64 {
    let mut hash: u64 = 5381;
    for &b in bytes {
        hash = hash.wrapping_mul(33) ^ u64::from(b);
    }
    let bits = 8 * if bytes_in_hash == 0 {
        2
    } else {
        bytes_in_hash.min(7)
    };
    match hash & ((1 << bits) - 1) {
        0 => 1,
        h => h,
    }
}

/// The C identifier suffix of a qstr (`MP_QSTR_<this>`): letters, digits and `_` stay, every
/// other character becomes `_name_` (an HTML entity name or MicroPython's own) or `_0xNN_`.
#[must_use]
pub fn qstr_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
            continue;
        }
        let cp = u32::from(c);
        out.push('_');
        match CODEPOINT_NAMES.binary_search_by_key(&cp, |&(k, _)| k) {
            Ok(i) => out.push_str(CODEPOINT_NAMES[i].1),
            Err(_) => out.push_str(&format!("0x{cp:02x}")),
        }
        out.push('_');
    }
    out
}

/// A qstr's bytes as C string-literal contents: as is when it is printable ASCII without `\`
/// or `"`, else every byte as `\xNN`.
#[must_use]
pub fn escape_bytes(s: &str) -> String {
    if s.chars()
        .all(|c| (' '..='~').contains(&c) && c != '\\' && c != '"')
    {
        s.to_string()
    } else {
        s.bytes().map(|b| format!("\\x{b:02x}")).collect()
    }
}

/// The identifiers of the 165 static qstrs.
#[must_use]
pub fn static_qstr_idents() -> Vec<String> {
    (1..=LAST_STATIC_QSTR)
        .filter_map(static_qstr)
        .map(qstr_escape)
        .collect()
}

/// What the firmware's preprocessed qstr header (`-q qstrdefs.preprocessed.h`) says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QstrConfig {
    /// `QCFG(BYTES_IN_LEN, ...)`.
    pub bytes_in_len: u32,
    /// `QCFG(BYTES_IN_HASH, ...)`.
    pub bytes_in_hash: u32,
    /// Identifiers of every qstr the firmware already has (static ones included).
    pub firmware_idents: HashSet<String>,
}

impl Default for QstrConfig {
    /// mpy-tool's defaults without `-q`: 1 length byte, 1 hash byte, only the static qstrs.
    fn default() -> Self {
        Self {
            bytes_in_len: 1,
            bytes_in_hash: 1,
            firmware_idents: static_qstr_idents().into_iter().collect(),
        }
    }
}

impl QstrConfig {
    /// Parse a preprocessed qstr header.
    ///
    /// # Errors
    /// Unreadable file, no `QCFG` lines, or a non-numeric `QCFG` value.
    pub fn from_header(path: &Path) -> Result<Self> {
        let text = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
        let text = String::from_utf8_lossy(&text);
        let mut config = Self::default();
        let mut have_len = None;
        let mut have_hash = None;
        for (index, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if let Some(rest) = line.strip_prefix("QCFG(") {
                let Some((name, value)) = parse_qcfg(rest) else {
                    continue;
                };
                let number = || {
                    value.trim().parse::<u32>().map_err(|_| {
                        Error::at_line(
                            path,
                            line_no,
                            format!("QCFG({name}) is not a number: {value}"),
                        )
                    })
                };
                match name {
                    "BYTES_IN_LEN" => have_len = Some(number()?),
                    "BYTES_IN_HASH" => have_hash = Some(number()?),
                    _ => {}
                }
                continue;
            }
            let Some(inner) = line.strip_prefix("Q(").and_then(|r| r.strip_suffix(')')) else {
                continue;
            };
            let qstr = match inner {
                "\\n" => "\n",
                "\\r\\n" => "\r\n",
                other => other,
            };
            config.firmware_idents.insert(qstr_escape(qstr));
        }
        match (have_len, have_hash) {
            (Some(len), Some(hash)) => {
                config.bytes_in_len = len;
                config.bytes_in_hash = hash;
                Ok(config)
            }
            _ => Err(Error::at(
                path,
                "no QCFG(BYTES_IN_LEN/BYTES_IN_HASH) lines: not a preprocessed qstr header",
            )),
        }
    }
}

/// `NAME, VALUE)` (the text after `QCFG(`) → name and value, outer parentheses of the value removed.
fn parse_qcfg(rest: &str) -> Option<(&str, &str)> {
    let close = rest.rfind(')')?;
    let body = &rest[..close];
    let comma = body.rfind(", ")?;
    let (name, value) = (&body[..comma], &body[comma + 2..]);
    if name.is_empty() || value.is_empty() {
        return None;
    }
    let value = match value.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
        Some(inner) => inner,
        None => value,
    };
    Some((name, value))
}

/// Python's `repr()` of a str (quote choice and escapes as CPython does them).
#[must_use]
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = u32::from(c);
                if cp < 0x100 {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character (CPython 3.11's Unicode 14 tables).
fn is_printable(c: char) -> bool {
    let cp = u32::from(c);
    let table = crate::printable::NON_PRINTABLE;
    let i = table.partition_point(|&(first, _)| first <= cp);
    !(i > 0 && cp <= table[i - 1].1)
}

/// C's `printf("%.*g", precision, v)` as Python's `%` operator does it.
#[must_use]
pub fn format_g(v: f64, precision: usize) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let precision = precision.max(1);
    if v == 0.0 {
        return if v.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    let sci = format!("{:.*e}", precision - 1, v);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    #[allow(clippy::cast_possible_wrap)]
    if exp < -4 || exp >= precision as i64 {
        let mantissa = strip_fraction_zeros(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
    } else {
        #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)]
        let decimals = (precision as i64 - 1 - exp).max(0) as usize;
        strip_fraction_zeros(&format!("{v:.decimals$}")).to_string()
    }
}

fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_makeqstrdata() {
        assert_eq!(qstr_escape("<module>"), "_lt_module_gt_");
        assert_eq!(qstr_escape("pkg/mod.py"), "pkg_slash_mod_dot_py");
        assert_eq!(qstr_escape("a-b c"), "a_hyphen_b_space_c");
        assert_eq!(qstr_escape("é"), "_eacute_");
        assert_eq!(qstr_escape("\n"), "_0x0a_");
        assert_eq!(qstr_escape("\u{4e2d}"), "_0x4e2d_");
        assert_eq!(escape_bytes("ok name"), "ok name");
        assert_eq!(escape_bytes("a\"b"), "\\x61\\x22\\x62");
    }

    #[test]
    fn hashes_like_qstr_c() {
        // compute_hash(b"", 1) = 5381 & 0xff = 5; "__init__" with 2 bytes.
        assert_eq!(compute_hash(b"", 1), 5);
        let mut h: u64 = 5381;
        for b in b"__init__" {
            h = (h * 33) ^ u64::from(*b);
        }
        assert_eq!(compute_hash(b"__init__", 2), h & 0xffff);
    }

    #[test]
    fn formats_like_printf_g() {
        assert_eq!(format_g(1.5, 16), "1.5");
        assert_eq!(format_g(0.1, 16), "0.1");
        assert_eq!(format_g(1e16, 16), "1e+16");
        assert_eq!(format_g(1e15, 16), "1000000000000000");
        assert_eq!(format_g(1e-5, 16), "1e-05");
        assert_eq!(format_g(0.0001, 16), "0.0001");
        assert_eq!(format_g(std::f64::consts::PI, 16), "3.141592653589793");
        assert_eq!(format_g(-0.0, 16), "-0");
        assert_eq!(format_g(1e300, 16), "1e+300");
        assert_eq!(format_g(2.0 / 3.0, 16), "0.6666666666666666");
    }

    #[test]
    fn python_reprs() {
        assert_eq!(python_repr("abc"), "'abc'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(python_repr("\n\x01é"), "'\\n\\x01é'");
        assert_eq!(
            python_repr("\u{fffe}\u{e0100}\u{a0} "),
            "'\\ufffe\u{e0100}\\xa0 '"
        );
    }

    #[test]
    fn parses_qcfg_lines() {
        assert_eq!(
            parse_qcfg("BYTES_IN_LEN, (1))"),
            Some(("BYTES_IN_LEN", "1"))
        );
        assert_eq!(
            parse_qcfg("BYTES_IN_HASH, 2)"),
            Some(("BYTES_IN_HASH", "2"))
        );
    }
}
