//! The UTF-8 check on str literals and identifiers: invalid UTF-8 in the source is an error here,
//! where the reference silently embeds the bytes in a str (a `.mpy` whose strings break at run time).

/// The offset of the first byte of `text` that is not UTF-8, or `None` when all of it is.
///
/// UTF-8-encoded surrogates (`ED A0..BF xx`) are accepted: a `"\ud800"` escape produces them,
/// and the reference compiles those to the same bytes, so they must stay byte-identical.
pub(crate) fn first_invalid_byte(text: &[u8]) -> Option<usize> {
    let mut rest = text;
    let mut offset = 0;
    loop {
        match core::str::from_utf8(rest) {
            Ok(_) => return None,
            Err(error) => {
                let bad = offset + error.valid_up_to();
                let tail = &text[bad..];
                let is_surrogate = tail.len() >= 3
                    && tail[0] == 0xED
                    && (0xA0..=0xBF).contains(&tail[1])
                    && (0x80..=0xBF).contains(&tail[2]);
                if !is_surrogate {
                    return Some(bad);
                }
                offset = bad + 3;
                rest = &text[offset..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_invalid_byte;

    #[test]
    fn accepts_utf8_and_escaped_surrogates() {
        assert_eq!(first_invalid_byte(b"plain"), None);
        assert_eq!(first_invalid_byte("caf\u{e9} \u{1f600}".as_bytes()), None);
        assert_eq!(first_invalid_byte(b"a\xed\xa0\x80b\xed\xbf\xbf"), None);
    }

    #[test]
    fn finds_stray_bytes() {
        assert_eq!(first_invalid_byte(b"b\xf6se"), Some(1));
        assert_eq!(first_invalid_byte(b"ok\xed\xa0\x80\xff"), Some(5));
        assert_eq!(first_invalid_byte(b"\xc3"), Some(0));
    }
}
