//! The VM's interned names in flash: mpy's 165 static qstrs (py/qstrdefs.h's order, from
//! `mpy_format::static_qstr`) followed by the VM's extra names ([`EXTRA_QSTRS`]), packed at
//! compile time into one text with a `u16` end offset per name (2 bytes a name instead of
//! an 8-byte `&str`). Qstr ids are 1-based: id `n` is name `n - 1` of the pool.

use crate::obj::Qstr;
use crate::vm::EXTRA_QSTRS;
use mpy_format::static_qstr::STATIC_QSTRS;

/// Number of names in the pool.
const NAMES: usize = STATIC_QSTRS.len() + EXTRA_QSTRS.len();

/// Name `i` of the pool, as the tables list it.
const fn listed_name(i: usize) -> &'static [u8] {
    if i < STATIC_QSTRS.len() {
        STATIC_QSTRS[i].as_bytes()
    } else {
        EXTRA_QSTRS[i - STATIC_QSTRS.len()].as_bytes()
    }
}

/// Total length of all names.
const TEXT_LEN: usize = {
    let mut total = 0;
    let mut i = 0;
    while i < NAMES {
        total += listed_name(i).len();
        i += 1;
    }
    total
};

struct Pool {
    text: [u8; TEXT_LEN],
    /// End of name `i` in `text` (it starts where name `i - 1` ends).
    ends: [u16; NAMES],
}

static POOL: Pool = {
    assert!(
        TEXT_LEN <= u16::MAX as usize,
        "qstr pool too large for u16 offsets"
    );
    let mut pool = Pool {
        text: [0; TEXT_LEN],
        ends: [0; NAMES],
    };
    let (mut i, mut at) = (0, 0);
    while i < NAMES {
        let name = listed_name(i);
        let mut k = 0;
        while k < name.len() {
            pool.text[at] = name[k];
            at += 1;
            k += 1;
        }
        #[allow(clippy::cast_possible_truncation)]
        {
            pool.ends[i] = at as u16;
        }
        i += 1;
    }
    pool
};

/// The text of static or extra qstr `id` (1-based), if it is one.
pub(crate) fn qstr_text(id: Qstr) -> Option<&'static [u8]> {
    let i = (id as usize).checked_sub(1)?;
    let end = usize::from(*POOL.ends.get(i)?);
    let start = i.checked_sub(1).map_or(0, |p| usize::from(POOL.ends[p]));
    POOL.text.get(start..end)
}

/// The id of a static or extra name: the first in the pool, so a name that is both static
/// and extra gets its static id.
pub(crate) fn qstr_id(name: &[u8]) -> Option<Qstr> {
    let mut start = 0;
    for (i, &end) in POOL.ends.iter().enumerate() {
        let end = usize::from(end);
        if POOL.text.get(start..end) == Some(name) {
            #[allow(clippy::cast_possible_truncation)]
            return Some(i as Qstr + 1);
        }
        start = end;
    }
    None
}

/// [`qstr_id`] at compile time (it reads the tables, which only constants should: see
/// [`qstr!`]).
pub(crate) const fn listed_id(name: &[u8]) -> Option<Qstr> {
    let mut i = 0;
    while i < NAMES {
        if bytes_equal(listed_name(i), name) {
            #[allow(clippy::cast_possible_truncation)]
            return Some(i as Qstr + 1);
        }
        i += 1;
    }
    None
}

const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The id of a name that is in the pool, checked at compile time:
/// `const EXIT: Qstr = qstr!("__exit__");`.
macro_rules! qstr {
    ($name:literal) => {{
        const ID: $crate::obj::Qstr = match $crate::qstr_pool::listed_id($name.as_bytes()) {
            Some(id) => id,
            None => panic!(concat!("not a static or extra qstr: ", $name)),
        };
        ID
    }};
}
pub(crate) use qstr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back() {
        for i in 0..NAMES {
            #[allow(clippy::cast_possible_truncation)]
            let id = i as Qstr + 1;
            assert_eq!(qstr_text(id), Some(listed_name(i)), "id {id}");
        }
        assert_eq!(qstr_text(0), None);
        #[allow(clippy::cast_possible_truncation)]
        let past = NAMES as Qstr + 1;
        assert_eq!(qstr_text(past), None);
    }

    #[test]
    fn ids_are_mpys_static_qstr_numbers() {
        let name_number = mpy_format::static_qstr::static_qstr_number("__name__");
        assert_eq!(Some(qstr!("__name__")), name_number);
        assert_eq!(qstr_id(b"__name__"), name_number);
        let first_extra = STATIC_QSTRS.len() + 1;
        assert_eq!(
            qstr_id(b"UnicodeError").map(|id| id as usize),
            Some(first_extra)
        );
        assert_eq!(qstr_id(b"NoneType"), listed_id(b"NoneType"));
        assert_eq!(qstr_id(b"no such name"), None);
    }
}
