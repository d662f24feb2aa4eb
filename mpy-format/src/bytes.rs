//! Allocation-free decoders for the primitive encodings of `.mpy` v6.3 and bytecode
//! (after `read_uint` in py/persistentcode.c, `mp_decode_uint` in py/bc.c, the prelude macros
//! in py/bc.h, `mp_bytecode_get_source_line` in py/bc.h and the `DECODE_*` macros of py/vm.c).
//!
//! Nothing here allocates: the `no_std` VM (which has no allocator at all) shares these
//! functions with the reader and the disassembler. Every function takes the whole buffer and a
//! position and returns the decoded value with the position after it, so every error can carry
//! the absolute byte offset at which decoding failed.

use core::fmt;

use crate::opcode::{ArgKind, OpByte};

/// A failure to decode a primitive, at an absolute byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Offset of the byte that could not be decoded (may equal the buffer length when truncated).
    pub offset: usize,
    /// What went wrong.
    pub kind: DecodeErrorKind,
}

/// What went wrong while decoding a primitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The buffer ended in the middle of a value.
    Truncated,
    /// A variable-length integer does not fit in 64 bits.
    Overflow,
    /// A byte that is not an opcode of MicroPython 1.29.
    UnknownOpcode(u8),
}

impl DecodeError {
    #[cold]
    #[must_use]
    pub(crate) const fn truncated(offset: usize) -> Self {
        Self {
            offset,
            kind: DecodeErrorKind::Truncated,
        }
    }

    #[cold]
    #[must_use]
    pub(crate) const fn overflow(offset: usize) -> Self {
        Self {
            offset,
            kind: DecodeErrorKind::Overflow,
        }
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated => f.write_str("unexpected end of data"),
            Self::Overflow => f.write_str("integer too large"),
            Self::UnknownOpcode(byte) => write!(f, "unknown opcode 0x{byte:02x}"),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at offset 0x{:x})", self.kind, self.offset)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for DecodeError {}

/// The byte at `pos`.
///
/// # Errors
/// [`DecodeErrorKind::Truncated`] when `pos` is past the end.
#[inline]
pub fn decode_u8(data: &[u8], pos: usize) -> Result<(u8, usize), DecodeError> {
    match data.get(pos) {
        Some(&byte) => Ok((byte, pos + 1)),
        None => Err(DecodeError::truncated(pos)),
    }
}

/// An unsigned vuint: 7-bit groups, most significant first, bit 7 set on all but the last byte.
///
/// # Errors
/// Truncation, or a value that does not fit in `u64`.
#[inline]
pub fn decode_vuint(data: &[u8], mut pos: usize) -> Result<(u64, usize), DecodeError> {
    let mut value: u64 = 0;
    loop {
        let (byte, next) = decode_u8(data, pos)?;
        if value > (u64::MAX >> 7) {
            return Err(DecodeError::overflow(pos));
        }
        value = (value << 7) | u64::from(byte & 0x7f);
        pos = next;
        if byte & 0x80 == 0 {
            return Ok((value, pos));
        }
    }
}

/// A signed vint (the `LOAD_CONST_SMALL_INT` argument): 7-bit groups, most significant first;
/// bit 6 of the first group is the sign.
///
/// # Errors
/// Truncation, or a value that does not fit in `i64`.
#[inline]
pub fn decode_signed_vint(data: &[u8], mut pos: usize) -> Result<(i64, usize), DecodeError> {
    let (first, _) = decode_u8(data, pos)?;
    let mut value: i64 = if first & 0x40 != 0 { -1 } else { 0 };
    loop {
        let (byte, next) = decode_u8(data, pos)?;
        if !((i64::MIN >> 7)..=(i64::MAX >> 7)).contains(&value) {
            return Err(DecodeError::overflow(pos));
        }
        value = (value << 7) | i64::from(byte & 0x7f);
        pos = next;
        if byte & 0x80 == 0 {
            return Ok((value, pos));
        }
    }
}

/// A relative jump offset (1 or 2 bytes). Returns the offset relative to the position after
/// the offset bytes, with the 0x40 / 0x4000 bias removed when `signed`.
///
/// # Errors
/// Truncation.
#[inline]
pub fn decode_jump_offset(
    data: &[u8],
    pos: usize,
    signed: bool,
) -> Result<(i64, usize), DecodeError> {
    let (low, next) = decode_u8(data, pos)?;
    if low & 0x80 == 0 {
        let raw = i64::from(low);
        Ok((if signed { raw - 0x40 } else { raw }, next))
    } else {
        let (high, next) = decode_u8(data, next)?;
        let raw = i64::from(low & 0x7f) | (i64::from(high) << 7);
        Ok((if signed { raw - 0x4000 } else { raw }, next))
    }
}

/// The operand of one decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Operand {
    /// No operand (including all multi-opcodes, whose value is in the [`OpByte`]).
    None,
    /// An index into the file's qstr table.
    Qstr(u64),
    /// A plain unsigned argument (count, local number).
    Uint(u64),
    /// The signed small int of `LOAD_CONST_SMALL_INT`.
    SmallInt(i64),
    /// An index into the file's constant-object table.
    ConstObj(u64),
    /// An index into the raw code's children.
    Child(u64),
    /// `MAKE_CLOSURE*`: child index and number of closed-over values.
    Closure {
        /// Child index.
        child: u64,
        /// Number of closed-over values taken from the stack.
        n_closed: u8,
    },
    /// `CALL_*`: positional and keyword argument counts.
    CallArgs {
        /// Positional arguments (low 8 bits).
        n_positional: u64,
        /// Keyword arguments (bits 8 and up).
        n_keyword: u64,
    },
    /// `UNPACK_EX`: names before and after the starred target.
    UnpackEx {
        /// Targets before the star (low 8 bits).
        n_left: u64,
        /// Targets after the star (bits 8 and up).
        n_right: u64,
    },
    /// `STORE_COMP`: stack index of the collection and its kind (0 list, 1 dict, 2 set).
    StoreComp {
        /// `stack_index + n` (the argument shifted right by 2).
        stack_index: u64,
        /// Collection kind (the low 2 bits).
        kind: u8,
    },
    /// A jump, with its target as an absolute offset into the decoded buffer (may be out of
    /// range in a corrupt file; see `validate`).
    Jump(i64),
    /// `UNWIND_JUMP`: absolute target and the unwind byte (`except_depth | 0x80` from a for loop).
    UnwindJump {
        /// Absolute target offset.
        target: i64,
        /// The extra byte.
        unwind: u8,
    },
}

/// One decoded bytecode instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Instruction {
    /// Offset of the opcode byte in the decoded buffer.
    pub offset: usize,
    /// Total size in bytes, opcode included.
    pub size: usize,
    /// The opcode.
    pub op: OpByte,
    /// Its operand.
    pub operand: Operand,
}

impl Instruction {
    /// Offset of the next instruction.
    #[must_use]
    pub const fn end(&self) -> usize {
        self.offset + self.size
    }
}

/// Decode the instruction at `pos` of `code` (the opcode table in [`crate::opcode`] decides the
/// operand's shape). Jump targets are absolute offsets into `code`.
///
/// # Errors
/// An unknown opcode byte, or an operand cut off by the end of `code`.
pub fn decode_instruction(code: &[u8], pos: usize) -> Result<Instruction, DecodeError> {
    let (byte, mut next) = decode_u8(code, pos)?;
    let Some(op) = OpByte::from_byte(byte) else {
        return Err(DecodeError {
            offset: pos,
            kind: DecodeErrorKind::UnknownOpcode(byte),
        });
    };
    let operand = match op.arg() {
        ArgKind::None => Operand::None,
        ArgKind::SignedInt => {
            let (value, after) = decode_signed_vint(code, next)?;
            next = after;
            Operand::SmallInt(value)
        }
        kind @ (ArgKind::JumpSigned | ArgKind::JumpUnsigned | ArgKind::UnwindJump) => {
            let (relative, after) = decode_jump_offset(code, next, kind.is_signed_jump())?;
            next = after;
            let target = i64::try_from(after)
                .unwrap_or(i64::MAX)
                .saturating_add(relative);
            if kind == ArgKind::UnwindJump {
                let (unwind, after) = decode_u8(code, next)?;
                next = after;
                Operand::UnwindJump { target, unwind }
            } else {
                Operand::Jump(target)
            }
        }
        kind => {
            let (value, after) = decode_vuint(code, next)?;
            next = after;
            match kind {
                ArgKind::Qstr => Operand::Qstr(value),
                ArgKind::ConstObj => Operand::ConstObj(value),
                ArgKind::Child => Operand::Child(value),
                ArgKind::ChildAndClosedCount => {
                    let (n_closed, after) = decode_u8(code, next)?;
                    next = after;
                    Operand::Closure {
                        child: value,
                        n_closed,
                    }
                }
                ArgKind::CallArgs => Operand::CallArgs {
                    n_positional: value & 0xff,
                    n_keyword: value >> 8,
                },
                ArgKind::UnpackEx => Operand::UnpackEx {
                    n_left: value & 0xff,
                    n_right: value >> 8,
                },
                #[allow(clippy::cast_possible_truncation)]
                ArgKind::StoreComp => Operand::StoreComp {
                    stack_index: value >> 2,
                    kind: (value & 3) as u8,
                },
                _ => Operand::Uint(value),
            }
        }
    };
    Ok(Instruction {
        offset: pos,
        size: next - pos,
        op,
        operand,
    })
}

/// Iterates over the instructions of `code[start..end]` (offsets stay absolute in `code`).
#[derive(Clone, Debug)]
pub struct Instructions<'a> {
    code: &'a [u8],
    pos: usize,
    end: usize,
    failed: bool,
}

impl<'a> Instructions<'a> {
    /// Instructions from `start` up to `end` (clamped to `code.len()`).
    #[must_use]
    pub fn new(code: &'a [u8], start: usize, end: usize) -> Self {
        Self {
            code,
            pos: start,
            end: end.min(code.len()),
            failed: false,
        }
    }
}

impl Iterator for Instructions<'_> {
    type Item = Result<Instruction, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.end {
            return None;
        }
        match decode_instruction(&self.code[..self.end], self.pos) {
            Ok(insn) => {
                self.pos = insn.end();
                Some(Ok(insn))
            }
            Err(err) => {
                self.failed = true;
                Some(Err(err))
            }
        }
    }
}

/// The six values of a bytecode prelude signature (`MP_BC_PRELUDE_SIG_DECODE_INTO`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreludeSignature {
    /// Value-stack slots: locals plus the maximum stack depth (at least 1).
    pub n_state: u32,
    /// Exception-stack entries.
    pub n_exc_stack: u32,
    /// The four signature scope flags (generator 1, varkeywords 2, varargs 4, defkwargs 8).
    pub scope_flags: u32,
    /// Positional parameters (including closed-over variables placed first).
    pub n_pos_args: u32,
    /// Keyword-only parameters.
    pub n_kwonly_args: u32,
    /// Positional parameters with defaults.
    pub n_def_pos_args: u32,
}

/// Continuation bytes after which a prelude field would exceed 32 bits.
const MAX_PRELUDE_CONTINUATIONS: u32 = 14;

fn narrow(value: u64, offset: usize) -> Result<u32, DecodeError> {
    u32::try_from(value).map_err(|_| DecodeError::overflow(offset))
}

/// Decode a prelude signature at `pos`.
///
/// # Errors
/// Truncation, or a field that does not fit in 32 bits.
pub fn decode_prelude_signature(
    data: &[u8],
    pos: usize,
) -> Result<(PreludeSignature, usize), DecodeError> {
    let start = pos;
    let (mut z, mut pos) = decode_u8(data, pos)?;
    // xSSSSEAA
    let mut s = u64::from((z >> 3) & 0xf);
    let mut e = u64::from((z >> 2) & 1);
    let mut f = 0u64;
    let mut a = u64::from(z & 3);
    let mut k = 0u64;
    let mut d = 0u64;
    let mut n = 0u32;
    while z & 0x80 != 0 {
        if n >= MAX_PRELUDE_CONTINUATIONS {
            return Err(DecodeError::overflow(pos));
        }
        (z, pos) = decode_u8(data, pos)?;
        // xFSSKAED
        s |= u64::from(z & 0x30) << (2 * n);
        e |= u64::from(z & 0x02) << n;
        f |= u64::from((z & 0x40) >> 6) << n;
        a |= u64::from(z & 0x04) << n;
        k |= u64::from((z & 0x08) >> 3) << n;
        d |= u64::from(z & 0x01) << n;
        n += 1;
    }
    let sig = PreludeSignature {
        n_state: narrow(s + 1, start)?,
        n_exc_stack: narrow(e, start)?,
        scope_flags: narrow(f, start)?,
        n_pos_args: narrow(a, start)?,
        n_kwonly_args: narrow(k, start)?,
        n_def_pos_args: narrow(d, start)?,
    };
    Ok((sig, pos))
}

/// The two values of a prelude size (`MP_BC_PRELUDE_SIZE_DECODE_INTO`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreludeSize {
    /// Bytes in the source-info section (simple name, argument names, line table).
    pub n_info: u32,
    /// Bytes in the closure section (one local number per cell).
    pub n_cell: u32,
}

/// Decode a prelude size at `pos`.
///
/// # Errors
/// Truncation, or a field that does not fit in 32 bits.
pub fn decode_prelude_size(data: &[u8], pos: usize) -> Result<(PreludeSize, usize), DecodeError> {
    let start = pos;
    let mut pos = pos;
    let mut info = 0u64;
    let mut cell = 0u64;
    let mut n = 0u32;
    loop {
        if n > 5 {
            return Err(DecodeError::overflow(pos));
        }
        let (z, next) = decode_u8(data, pos)?;
        pos = next;
        // xIIIIIIC
        cell |= u64::from(z & 1) << n;
        info |= u64::from((z & 0x7e) >> 1) << (6 * n);
        n += 1;
        if z & 0x80 == 0 {
            break;
        }
    }
    Ok((
        PreludeSize {
            n_info: narrow(info, start)?,
            n_cell: narrow(cell, start)?,
        },
        pos,
    ))
}

/// One step of a line-number table: from `bytecode_offset` on, the source line is `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LineEntry {
    /// Offset of the entry's first byte in the decoded buffer.
    pub offset: usize,
    /// Bytecode offset (relative to the start of the opcodes) after this entry's delta.
    pub bytecode_offset: usize,
    /// Source line after this entry's delta.
    pub line: usize,
}

/// Iterates over a line-number table (`data[start..end]`), starting at line 1, offset 0.
#[derive(Clone, Debug)]
pub struct LineTable<'a> {
    data: &'a [u8],
    pos: usize,
    end: usize,
    bytecode_offset: usize,
    line: usize,
    failed: bool,
}

impl<'a> LineTable<'a> {
    /// The table in `data[start..end]` (`end` clamped to `data.len()`).
    #[must_use]
    pub fn new(data: &'a [u8], start: usize, end: usize) -> Self {
        Self {
            data,
            pos: start,
            end: end.min(data.len()),
            bytecode_offset: 0,
            line: 1,
            failed: false,
        }
    }

    /// The source line of the instruction at bytecode offset `bc` (like `mp_bytecode_get_source_line`).
    #[must_use]
    pub fn line_of(self, bc: usize) -> usize {
        let mut line = 1;
        for entry in self {
            let Ok(entry) = entry else { break };
            // An entry applies once `bc` is past the previous offset; see mp_bytecode_get_source_line.
            if entry.bytecode_offset > bc {
                break;
            }
            line = entry.line;
        }
        line
    }
}

impl Iterator for LineTable<'_> {
    type Item = Result<LineEntry, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.end {
            return None;
        }
        let start = self.pos;
        let c = self.data[start];
        let (bytes, lines) = if c & 0x80 == 0 {
            self.pos += 1;
            (usize::from(c & 0x1f), usize::from(c >> 5))
        } else {
            let Some(&low) = self.data[..self.end].get(start + 1) else {
                self.failed = true;
                return Some(Err(DecodeError::truncated(self.end)));
            };
            self.pos += 2;
            (
                usize::from(c & 0xf),
                (usize::from(c) << 4 & 0x700) | usize::from(low),
            )
        };
        self.bytecode_offset = self.bytecode_offset.saturating_add(bytes);
        self.line = self.line.saturating_add(lines);
        Some(Ok(LineEntry {
            offset: start,
            bytecode_offset: self.bytecode_offset,
            line: self.line,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::Opcode;
    use alloc::vec::Vec;

    #[test]
    fn vuint_examples() {
        assert_eq!(decode_vuint(&[0x81, 0x67], 0), Ok((231, 2)));
        assert_eq!(decode_vuint(&[0x00], 0), Ok((0, 1)));
        assert_eq!(decode_vuint(&[0x81], 0), Err(DecodeError::truncated(1)));
        assert_eq!(
            decode_vuint(&[0xff; 20], 0).unwrap_err().kind,
            DecodeErrorKind::Overflow
        );
    }

    #[test]
    fn signed_vint_examples() {
        let cases: &[(&[u8], i64)] = &[
            (&[0x30], 48),
            (&[0x80, 0x40], 64),
            (&[0x6f], -17),
            (&[0xff, 0x3f], -65),
            (&[0xbf, 0x7f], 8191),
            (&[0x83, 0xff, 0xff, 0xff, 0x7f], (1 << 30) - 1),
        ];
        for (bytes, value) in cases {
            assert_eq!(decode_signed_vint(bytes, 0), Ok((*value, bytes.len())));
        }
    }

    #[test]
    fn jump_examples() {
        // JUMP +160: 42 a0 81
        let insn = decode_instruction(&[0x42, 0xa0, 0x81], 0).unwrap();
        assert_eq!(insn.op, OpByte::Op(Opcode::JUMP));
        assert_eq!(insn.operand, Operand::Jump(3 + 160));
        let insn = decode_instruction(&[0x4b, 0x05], 0).unwrap();
        assert_eq!(insn.operand, Operand::Jump(7));
        assert!(decode_instruction(&[0x00], 0).is_err());
    }

    #[test]
    fn prelude_signature_example() {
        // ca 81 c8 c0 40 -> (n_state 10, exc 0, flags 14, pos 2, kwonly 2, def 1)
        let (sig, end) = decode_prelude_signature(&[0xca, 0x81, 0xc8, 0xc0, 0x40], 0).unwrap();
        assert_eq!(end, 5);
        assert_eq!(
            sig,
            PreludeSignature {
                n_state: 10,
                n_exc_stack: 0,
                scope_flags: 14,
                n_pos_args: 2,
                n_kwonly_args: 2,
                n_def_pos_args: 1
            }
        );
    }

    #[test]
    fn line_table_forms() {
        // one-byte: 2 bytes, 1 line; two-byte: 3 bytes, 0x123 lines
        let table = [0x22, 0x80 | 0x10 | 0x03, 0x23];
        let entries: Vec<_> = LineTable::new(&table, 0, 3).map(Result::unwrap).collect();
        assert_eq!(entries[0].bytecode_offset, 2);
        assert_eq!(entries[0].line, 2);
        assert_eq!(entries[1].bytecode_offset, 5);
        assert_eq!(entries[1].line, 2 + 0x123);
    }
}
