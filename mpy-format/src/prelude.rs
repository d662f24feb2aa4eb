//! The decoded prelude of a bytecode or native-py function (after the layout comment in py/bc.h,
//! `mp_emit_bc_start_pass` in py/emitbc.c and `emit_native_end_pass` in py/emitnative.c).

use alloc::vec::Vec;

use crate::arch::Arch;
use crate::bytes::{
    decode_prelude_signature, decode_prelude_size, decode_vuint, DecodeError, LineEntry, LineTable,
};
use crate::bytes::{PreludeSignature, PreludeSize};
use crate::model::{RawCode, RawCodeKind};

/// Every field of a prelude, with offsets into the function data it was decoded from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Prelude {
    /// Offset of the prelude's first byte (0 for bytecode, `prelude_offset` for native-py).
    pub offset: usize,
    /// n_state, n_exc_stack, scope flags and argument counts.
    pub signature: PreludeSignature,
    /// n_info and n_cell.
    pub size: PreludeSize,
    /// Offset of the source-info section (the simple name).
    pub info_start: usize,
    /// Qstr-table index of the function's name.
    pub simple_name: u64,
    /// Qstr-table indices of the `n_pos_args + n_kwonly_args` argument names, in slot order.
    pub arg_names: Vec<u64>,
    /// Offset of the line-number table (it runs to `info_start + n_info`).
    pub line_table_start: usize,
    /// The decoded line-number table (empty for native code, `-O3` and `-X no-source-lines`).
    pub line_table: Vec<LineEntry>,
    /// Local numbers of the variables that become cells (the closure section).
    pub cells: Vec<u8>,
    /// Offset just after the prelude: the first opcode of bytecode.
    pub code_start: usize,
}

impl Prelude {
    /// Decode the prelude that starts at `offset` of `fun_data`.
    ///
    /// # Errors
    /// Truncation (including a source-info section that ends before its argument names) or an
    /// oversized field, at the offending byte.
    pub fn decode(fun_data: &[u8], offset: usize) -> Result<Self, DecodeError> {
        let (signature, pos) = decode_prelude_signature(fun_data, offset)?;
        let (size, info_start) = decode_prelude_size(fun_data, pos)?;
        let info_end = info_start.saturating_add(size.n_info as usize);
        let code_start = info_end.saturating_add(size.n_cell as usize);
        if code_start > fun_data.len() {
            return Err(DecodeError::truncated(fun_data.len()));
        }
        let info = &fun_data[..info_end];
        let (simple_name, mut pos) = decode_vuint(info, info_start)?;
        let n_args = signature.n_pos_args as usize + signature.n_kwonly_args as usize;
        if n_args > info_end - pos {
            return Err(DecodeError::truncated(info_end));
        }
        let mut arg_names = Vec::with_capacity(n_args);
        for _ in 0..n_args {
            let (name, next) = decode_vuint(info, pos)?;
            arg_names.push(name);
            pos = next;
        }
        let line_table_start = pos;
        let line_table =
            LineTable::new(fun_data, line_table_start, info_end).collect::<Result<Vec<_>, _>>()?;
        let cells = fun_data[info_end..code_start].to_vec();
        Ok(Self {
            offset,
            signature,
            size,
            info_start,
            simple_name,
            arg_names,
            line_table_start,
            line_table,
            cells,
            code_start,
        })
    }

    /// The source line of the instruction at `code_offset` (an offset into the function data).
    #[must_use]
    pub fn line_of(&self, code_offset: usize) -> usize {
        let bc = code_offset.saturating_sub(self.code_start);
        let mut line = 1;
        for entry in &self.line_table {
            if entry.bytecode_offset > bc {
                break;
            }
            line = entry.line;
        }
        line
    }
}

impl RawCode {
    /// The prelude of a bytecode or native-py raw code; `None` for viper and asm.
    ///
    /// # Errors
    /// See [`Prelude::decode`]; a native prelude offset past `usize` is reported as truncation.
    pub fn prelude(&self) -> Option<Result<Prelude, DecodeError>> {
        match self.kind {
            RawCodeKind::Bytecode => Some(Prelude::decode(&self.fun_data, 0)),
            RawCodeKind::NativePy => Some(match usize::try_from(self.prelude_offset) {
                Ok(offset) => Prelude::decode(&self.fun_data, offset),
                Err(_) => Err(DecodeError::truncated(self.fun_data.len())),
            }),
            RawCodeKind::Viper | RawCodeKind::Asm => None,
        }
    }

    /// Like [`RawCode::prelude`], but for native-py code of 64 KiB or more also finds the prelude
    /// when `prelude_offset` holds only its low 16 bits, as mpy-cross writes it (the field is a
    /// `uint16_t` in `mp_raw_code_t`; such a file does not load correctly). The flag says whether
    /// that recovery was needed.
    #[must_use]
    pub fn prelude_allowing_truncated_offset(
        &self,
    ) -> Option<(Result<Prelude, DecodeError>, bool)> {
        let strict = self.prelude()?;
        if strict.is_ok() || self.kind != RawCodeKind::NativePy || self.fun_data.len() <= 0xffff {
            return Some((strict, false));
        }
        let mut offset = usize::try_from(self.prelude_offset)
            .ok()?
            .checked_add(0x1_0000)?;
        while offset < self.fun_data.len() {
            if let Ok(prelude) = Prelude::decode(&self.fun_data, offset) {
                if prelude.code_start == self.fun_data.len() {
                    return Some((Ok(prelude), true));
                }
            }
            offset += 0x1_0000;
        }
        Some((strict, false))
    }

    /// The machine words at the start of a native-py function: the prelude-pointer index and,
    /// for generators, the start offset (little-endian, `arch.word_size()` bytes each).
    #[must_use]
    pub fn native_header_words(&self, arch: Arch, is_generator: bool) -> Vec<u64> {
        let word = arch.word_size();
        let n = if is_generator { 2 } else { 1 };
        self.fun_data
            .chunks_exact(word)
            .take(n)
            .map(|chunk| {
                chunk
                    .iter()
                    .rev()
                    .fold(0u64, |acc, &b| acc << 8 | u64::from(b))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_module_prelude() {
        let fun_data = [0x00, 0x02, 0x01, 0x81, 0x16, 0x02, 0x51, 0x63];
        let prelude = Prelude::decode(&fun_data, 0).unwrap();
        assert_eq!(prelude.signature.n_state, 1);
        assert_eq!(prelude.size.n_info, 1);
        assert_eq!(prelude.simple_name, 1);
        assert!(prelude.arg_names.is_empty());
        assert!(prelude.line_table.is_empty());
        assert_eq!(prelude.code_start, 3);
    }

    #[test]
    fn truncated_prelude_is_an_error() {
        let fun_data = [0x00, 0x0a, 0x01];
        assert!(Prelude::decode(&fun_data, 0).is_err());
        assert!(Prelude::decode(&fun_data, 7).is_err());
    }
}
