//! The infallible `.mpy` v6.3 writer and the primitive encoders the compiler shares (after
//! `mp_raw_code_save`, `save_qstr`, `save_obj`, `save_raw_code` in py/persistentcode.c,
//! `mp_encode_uint` in py/bc.c and `emit_write_bytecode_byte_*` / the prelude macros in
//! py/emitbc.c and py/bc.h).

use alloc::vec::Vec;

use crate::bytes::PreludeSignature;
use crate::model::{Constant, Header, MpyFile, QstrEntry, RawCode, RawCodeKind};
use crate::model::{SCOPE_FLAG_VIPERBSS, SCOPE_FLAG_VIPERRELOC, SCOPE_FLAG_VIPERRODATA};

/// Append an unsigned vuint: 7-bit groups, most significant first, bit 7 on all but the last.
pub fn encode_vuint(value: u64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 10];
    let mut start = buf.len();
    let mut v = value;
    loop {
        start -= 1;
        #[allow(clippy::cast_possible_truncation)]
        let group = (v & 0x7f) as u8;
        buf[start] = if start == buf.len() - 1 {
            group
        } else {
            group | 0x80
        };
        v >>= 7;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[start..]);
}

/// The number of bytes [`encode_vuint`] writes for `value`.
#[must_use]
pub const fn vuint_len(value: u64) -> usize {
    let mut n = 1;
    let mut v = value >> 7;
    while v != 0 {
        n += 1;
        v >>= 7;
    }
    n
}

/// Append a signed vint (the `LOAD_CONST_SMALL_INT` argument, `emit_write_bytecode_byte_int`):
/// 7-bit groups, most significant first, with a `0x80` / `0xff` prefix when bit 6 of the first
/// group would give the wrong sign.
pub fn encode_signed_vint(value: i64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 11];
    let mut start = buf.len();
    let mut v = value;
    loop {
        start -= 1;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let group = (v & 0x7f) as u8;
        buf[start] = group;
        v >>= 7;
        if v == 0 || v == -1 {
            break;
        }
    }
    if v == -1 && buf[start] & 0x40 == 0 {
        start -= 1;
        buf[start] = 0x7f;
    } else if v == 0 && buf[start] & 0x40 != 0 {
        start -= 1;
        buf[start] = 0;
    }
    let last = buf.len() - 1;
    for byte in &mut buf[start..last] {
        *byte |= 0x80;
    }
    out.extend_from_slice(&buf[start..]);
}

/// Append a jump offset (relative to the position after the offset bytes) in the 1-byte form
/// when `long` is false, else the 2-byte form; signed jumps add the 0x40 / 0x4000 bias.
/// Returns false (and writes nothing) when `relative` does not fit the chosen form.
pub fn encode_jump_offset(relative: i64, signed: bool, long: bool, out: &mut Vec<u8>) -> bool {
    let (bias, limit) = match (signed, long) {
        (false, false) => (0, 0x80),
        (false, true) => (0, 0x8000),
        (true, false) => (0x40, 0x80),
        (true, true) => (0x4000, 0x8000),
    };
    let Some(raw) = relative.checked_add(bias) else {
        return false;
    };
    if !(0..limit).contains(&raw) {
        return false;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    if long {
        out.push((raw & 0x7f) as u8 | 0x80);
        out.push((raw >> 7) as u8);
    } else {
        out.push(raw as u8);
    }
    true
}

/// Append a prelude signature (`MP_BC_PRELUDE_SIG_ENCODE`). Only the low 4 bits of
/// `scope_flags` are stored; `n_state` must be at least 1.
pub fn encode_prelude_signature(sig: &PreludeSignature, out: &mut Vec<u8>) {
    let mut s = sig.n_state.saturating_sub(1);
    let mut e = sig.n_exc_stack;
    let mut f = sig.scope_flags & 0x0f;
    let mut a = sig.n_pos_args;
    let mut k = sig.n_kwonly_args;
    let mut d = sig.n_def_pos_args;
    #[allow(clippy::cast_possible_truncation)]
    let mut z = ((s & 0xf) << 3 | (e & 1) << 2 | (a & 3)) as u8;
    s >>= 4;
    e >>= 1;
    a >>= 2;
    while s | e | f | a | k | d != 0 {
        out.push(0x80 | z);
        #[allow(clippy::cast_possible_truncation)]
        {
            z = ((f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1))
                as u8;
        }
        s >>= 2;
        e >>= 1;
        f >>= 1;
        a >>= 1;
        k >>= 1;
        d >>= 1;
    }
    out.push(z);
}

/// Append a prelude size (`MP_BC_PRELUDE_SIZE_ENCODE`).
pub fn encode_prelude_size(n_info: u32, n_cell: u32, out: &mut Vec<u8>) {
    let mut info = n_info;
    let mut cell = n_cell;
    loop {
        #[allow(clippy::cast_possible_truncation)]
        let mut z = ((info & 0x3f) << 1 | (cell & 1)) as u8;
        cell >>= 1;
        info >>= 6;
        if cell | info != 0 {
            z |= 0x80;
        }
        out.push(z);
        if cell | info == 0 {
            break;
        }
    }
}

fn encode_counted(bytes: &[u8], out: &mut Vec<u8>) {
    encode_vuint(bytes.len() as u64, out);
    out.extend_from_slice(bytes);
}

impl Header {
    /// Append the 4 header bytes and, when present, the arch-flags vuint.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&[b'M', self.version, self.feature_byte(), self.small_int_bits]);
        if let Some(flags) = self.arch_flags {
            encode_vuint(u64::from(flags), out);
        }
    }
}

impl QstrEntry {
    /// Append this qstr entry (`save_qstr`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Self::Static(n) => encode_vuint(u64::from(*n) << 1 | 1, out),
            Self::Inline(bytes) => {
                encode_vuint((bytes.len() as u64) << 1, out);
                out.extend_from_slice(bytes);
                out.push(0);
            }
        }
    }
}

impl Constant {
    /// Append this constant (`save_obj`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.push(self.type_byte());
        match self {
            Self::FunTable | Self::None | Self::False | Self::True | Self::Ellipsis => {}
            Self::Str(bytes) | Self::Bytes(bytes) => {
                encode_counted(bytes, out);
                out.push(0);
            }
            Self::Int(text) | Self::Float(text) | Self::Complex(text) => {
                encode_counted(text.as_bytes(), out)
            }
            Self::Tuple(items) => {
                encode_vuint(items.len() as u64, out);
                for item in items {
                    item.encode(out);
                }
            }
        }
    }
}

impl RawCode {
    /// Append this raw code and its children (`save_raw_code`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        let has_children = !self.children.is_empty();
        let kind_len =
            (self.fun_data.len() as u64) << 3 | u64::from(has_children) << 2 | self.kind as u64;
        encode_vuint(kind_len, out);
        out.extend_from_slice(&self.fun_data);
        match self.kind {
            RawCodeKind::Bytecode => {}
            RawCodeKind::NativePy => encode_vuint(self.prelude_offset, out),
            RawCodeKind::Viper => {
                encode_vuint(self.scope_flags, out);
                if self.scope_flags & SCOPE_FLAG_VIPERRODATA != 0 {
                    encode_vuint(self.viper_rodata.len() as u64, out);
                }
                if self.scope_flags & SCOPE_FLAG_VIPERBSS != 0 {
                    encode_vuint(self.viper_bss_size, out);
                }
                if self.scope_flags & SCOPE_FLAG_VIPERRODATA != 0 {
                    out.extend_from_slice(&self.viper_rodata);
                }
            }
            RawCodeKind::Asm => {
                encode_vuint(self.scope_flags, out);
                encode_vuint(self.asm_n_pos_args, out);
                encode_vuint(self.asm_type_sig, out);
            }
        }
        if has_children {
            encode_vuint(self.children.len() as u64, out);
            for child in &self.children {
                child.encode(out);
            }
        }
        if self.kind == RawCodeKind::Viper && self.scope_flags & SCOPE_FLAG_VIPERRELOC != 0 {
            out.extend_from_slice(&self.viper_relocations);
            if self.viper_relocations.last() != Some(&0xff) {
                out.push(0xff);
            }
        }
    }
}

impl MpyFile {
    /// Append the whole file (`mp_raw_code_save`).
    pub fn encode(&self, out: &mut Vec<u8>) {
        self.header.encode(out);
        encode_vuint(self.qstrs.len() as u64, out);
        encode_vuint(self.constants.len() as u64, out);
        for qstr in &self.qstrs {
            qstr.encode(out);
        }
        for constant in &self.constants {
            constant.encode(out);
        }
        self.root.encode(out);
    }

    /// The whole file as bytes.
    #[must_use]
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arch::Arch;
    use crate::bytes::{
        decode_jump_offset, decode_prelude_signature, decode_prelude_size, decode_signed_vint,
        decode_vuint,
    };
    use alloc::vec;

    #[test]
    fn vuint_round_trips() {
        for v in [
            0u64,
            1,
            127,
            128,
            231,
            16383,
            16384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            encode_vuint(v, &mut out);
            assert_eq!(out.len(), vuint_len(v));
            assert_eq!(decode_vuint(&out, 0), Ok((v, out.len())));
        }
        let mut out = Vec::new();
        encode_vuint(231, &mut out);
        assert_eq!(out, [0x81, 0x67]);
    }

    #[test]
    fn signed_vint_examples_and_round_trip() {
        let cases: &[(i64, &[u8])] = &[
            (48, &[0x30]),
            (64, &[0x80, 0x40]),
            (-17, &[0x6f]),
            (-65, &[0xff, 0x3f]),
            (8191, &[0xbf, 0x7f]),
            ((1 << 30) - 1, &[0x83, 0xff, 0xff, 0xff, 0x7f]),
        ];
        for (v, bytes) in cases {
            let mut out = Vec::new();
            encode_signed_vint(*v, &mut out);
            assert_eq!(&out, bytes, "{v}");
        }
        for v in [
            0,
            -1,
            63,
            -64,
            64,
            -65,
            i64::MAX,
            i64::MIN,
            1 << 40,
            -(1 << 40),
        ] {
            let mut out = Vec::new();
            encode_signed_vint(v, &mut out);
            assert_eq!(decode_signed_vint(&out, 0), Ok((v, out.len())), "{v}");
        }
    }

    #[test]
    fn jumps_round_trip() {
        for (signed, long, values) in [
            (false, false, &[0i64, 127][..]),
            (true, false, &[-64, 0, 63][..]),
            (false, true, &[0, 160, 0x7fff][..]),
            (true, true, &[-0x4000, 0, 0x3fff][..]),
        ] {
            for &v in values {
                let mut out = Vec::new();
                assert!(encode_jump_offset(v, signed, long, &mut out));
                assert_eq!(decode_jump_offset(&out, 0, signed), Ok((v, out.len())));
            }
        }
        assert!(!encode_jump_offset(64, true, false, &mut Vec::new()));
        let mut out = Vec::new();
        assert!(encode_jump_offset(160, true, true, &mut out));
        assert_eq!(out, [0xa0, 0x81]);
    }

    #[test]
    fn prelude_round_trips() {
        let sig = PreludeSignature {
            n_state: 10,
            n_exc_stack: 0,
            scope_flags: 14,
            n_pos_args: 2,
            n_kwonly_args: 2,
            n_def_pos_args: 1,
        };
        let mut out = Vec::new();
        encode_prelude_signature(&sig, &mut out);
        assert_eq!(out, [0xca, 0x81, 0xc8, 0xc0, 0x40]);
        assert_eq!(decode_prelude_signature(&out, 0), Ok((sig, 5)));
        for (info, cell) in [(1, 0), (63, 1), (64, 3), (5000, 0)] {
            let mut out = Vec::new();
            encode_prelude_size(info, cell, &mut out);
            let (size, end) = decode_prelude_size(&out, 0).unwrap();
            assert_eq!((size.n_info, size.n_cell, end), (info, cell, out.len()));
        }
    }

    #[test]
    fn writes_the_reference_example() {
        // `x = 1` in t1.py (REFERENCE §1.6).
        let file = MpyFile {
            header: Header::new(Arch::None, None, 31),
            qstrs: vec![
                QstrEntry::Inline(b"t1.py".to_vec()),
                QstrEntry::Static(7),
                QstrEntry::Inline(b"x".to_vec()),
            ],
            constants: vec![],
            root: RawCode::bytecode(vec![0x00, 0x02, 0x01, 0x81, 0x16, 0x02, 0x51, 0x63], vec![]),
        };
        let expected: &[u8] = &[
            0x4d, 0x06, 0x00, 0x1f, 0x03, 0x00, 0x0a, b't', b'1', b'.', b'p', b'y', 0x00, 0x0f,
            0x02, b'x', 0x00, 0x40, 0x00, 0x02, 0x01, 0x81, 0x16, 0x02, 0x51, 0x63,
        ];
        assert_eq!(file.write(), expected);
    }

    #[test]
    fn feature_bytes_match_the_reference_table() {
        assert_eq!(Header::new(Arch::X64, None, 31).feature_byte(), 0x0b);
        assert_eq!(Header::new(Arch::Armv7m, None, 31).feature_byte(), 0x17);
        assert_eq!(Header::new(Arch::Xtensawin, None, 31).feature_byte(), 0x2b);
        assert_eq!(Header::new(Arch::Rv32imc, Some(1), 31).feature_byte(), 0x6f);
        assert_eq!(Header::new(Arch::Debug, None, 31).feature_byte(), 0x37);
    }
}
