//! The inline assemblers' common interface (`emit_inline_asm_method_table_t` in py/emit.h) and
//! the choice of assembler for an arch (`emit_asm_table` in py/compile.c).

use mpy_format::arch::Arch;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

use crate::asm::thumb::Thumb;
use crate::asm::{AsmBase, AsmError};
use crate::error::ErrorClass;
use crate::parse::node::Node;
use crate::qstr::{Qstr, QstrPool};
use crate::value::ConstValue;

use super::inline_rv32::InlineRv32;
use super::inline_thumb::InlineThumb;
use super::inline_xtensa::InlineXtensa;
use super::Pass;

/// One inline assembler. Errors are SyntaxError messages left in an error slot, as the
/// reference writes them (a later one replaces an earlier one).
pub(crate) trait InlineAsm {
    /// `start_pass`: CODE_SIZE forgets the labels; every pass begins with the prologue.
    fn start_pass(&mut self, pass: Pass);
    /// `end_pass`: the epilogue.
    fn end_pass(&mut self);
    /// Xtensa sizes its literal table from a previous pass, so it runs CODE_SIZE twice.
    fn needs_second_size_pass(&self) -> bool {
        false
    }
    /// `count_params`: the parameters must be the argument registers in order.
    fn count_params(&mut self, params: &[Node], pool: &QstrPool) -> u16;
    /// `label`: false when the label is defined twice.
    fn label(&mut self, label_num: u32, label_id: Qstr) -> bool;
    /// The assembler's buffer (for `align` and `data`).
    fn base(&mut self) -> &mut AsmBase;
    /// `op`: assemble one instruction.
    fn op(&mut self, op: Qstr, args: &[Node], pool: &QstrPool);
    /// The error slot, emptied.
    fn take_error(&mut self) -> Option<String>;
    /// An exception the last instruction raised past the error slot (printed without a
    /// traceback), emptied.
    fn take_raise(&mut self) -> Option<(ErrorClass, String)> {
        None
    }
    /// The EMIT pass's machine code, and any assembler error.
    fn take_code(&mut self) -> (Vec<u8>, Option<AsmError>);

    /// `mp_asm_base_align` with the reference's arithmetic: `align` is taken as its 32-bit
    /// `unsigned int`, the position as a 64-bit `size_t`. Refuses what the reference gets
    /// wrong (see [`ReserveError`]).
    fn align(&mut self, align: i64) -> Result<(), ReserveError> {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let align = align as u32;
        let base = self.base();
        let pos = base.code_pos() as u64;
        let new = (pos + u64::from(align)).wrapping_sub(1) & u64::from(!align.wrapping_sub(1));
        if new < pos {
            return Err(ReserveError::Backwards);
        }
        let skip = usize::try_from(new - pos).map_err(|_| ReserveError::TooLarge)?;
        if skip > MAX_RESERVE {
            return Err(ReserveError::TooLarge);
        }
        base.reserve(skip);
        Ok(())
    }

    /// `mp_asm_base_data`: `byte_size` (the reference's 32-bit `unsigned int`) little-endian
    /// bytes of `value`, zeros past its 8 bytes.
    fn data(&mut self, byte_size: i64, value: u64) -> Result<(), ReserveError> {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = byte_size as u32 as usize;
        if n > MAX_RESERVE {
            return Err(ReserveError::TooLarge);
        }
        #[allow(clippy::cast_possible_truncation)]
        let bytes: Vec<u8> = (0..n)
            .map(|i| if i < 8 { (value >> (8 * i)) as u8 } else { 0 })
            .collect();
        self.base().write(&bytes);
        Ok(())
    }
}

/// Most bytes one `align()` or `data()` may add (16 MiB): the reference fails with
/// `MemoryError` well before (its default heap is 2 MiB), and no function comes near it.
pub(crate) const MAX_RESERVE: usize = 1 << 24;

/// Why `align()` or `data()` was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReserveError {
    /// The reference's mask arithmetic would move the write position backwards (`align(0)`,
    /// a negative alignment): the code that follows would overwrite what came before, so the
    /// reference writes a broken function. A deliberate difference: we raise an error.
    Backwards,
    /// More than [`MAX_RESERVE`] bytes (a negative `data()` size counts as its 32-bit
    /// unsigned value, as in the reference, which then runs out of memory).
    TooLarge,
}

/// The inline assemblers' label table (`label_lookup`): label number -> its name, filled as
/// `label()` statements are met, forgotten at the start of the CODE_SIZE pass.
#[derive(Debug)]
pub(crate) struct LabelTable(Vec<Option<Qstr>>);

impl LabelTable {
    /// A table for `max_num_labels` labels, none defined.
    pub(crate) fn new(max_num_labels: usize) -> Self {
        Self(vec![None; max_num_labels])
    }

    /// Forget every label (the CODE_SIZE pass starts afresh).
    pub(crate) fn clear(&mut self) {
        self.0.iter_mut().for_each(|l| *l = None);
    }

    /// The number of the label named `name`, if defined.
    pub(crate) fn find(&self, name: Qstr) -> Option<usize> {
        self.0.iter().position(|l| *l == Some(name))
    }

    /// The table's size (`max_num_labels`).
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// `emit_inline_*_label`: record label `label_num` as `name` and assign it at the current
    /// position; false when `name` is defined twice (checked in the CODE_SIZE pass).
    pub(crate) fn define(
        &mut self,
        pass: Pass,
        base: &mut AsmBase,
        label_num: u32,
        name: Qstr,
    ) -> bool {
        if pass == Pass::CodeSize && self.find(name).is_some() {
            return false;
        }
        if let Some(slot) = self.0.get_mut(label_num as usize) {
            *slot = Some(name);
        }
        base.label_assign(crate::asm::Label(label_num));
        true
    }
}

/// `mp_parse_node_get_int_maybe` + `mp_obj_get_int_truncated`, as the 32-bit value the
/// assemblers keep.
pub(crate) fn int_arg(pn: &Node) -> Option<u32> {
    #[allow(clippy::cast_possible_truncation)]
    int_arg64(pn).map(|v| v as u32)
}

/// `mp_parse_node_get_int_maybe` + `mp_obj_get_int_truncated` as the host's 64-bit
/// `mp_uint_t` (the RV32 assembler keeps all 64 bits).
pub(crate) fn int_arg64(pn: &Node) -> Option<u64> {
    match pn {
        #[allow(clippy::cast_sign_loss)]
        Node::SmallInt(v) => Some(*v as u64),
        Node::Const(c) => match &c.value {
            ConstValue::Int(i) => i.mod_floor(&(BigInt::from(1u8) << 64)).to_u64(),
            _ => None,
        },
        _ => None,
    }
}

/// The inline assembler for `arch` (`ASM_EMITTER(new)`), or `None` where the reference has none
/// (x86, x64). `arch_flags` are rv32imc's `-march-flags` extensions.
pub(crate) fn new_inline_asm(
    arch: Arch,
    arch_flags: u32,
    max_num_labels: usize,
) -> Option<Box<dyn InlineAsm>> {
    Some(match arch {
        Arch::Armv6
        | Arch::Armv6m
        | Arch::Armv7m
        | Arch::Armv7em
        | Arch::Armv7emsp
        | Arch::Armv7emdp => Box::new(InlineThumb::new(
            Thumb::new(arch, max_num_labels),
            max_num_labels,
        )),
        Arch::Xtensa => Box::new(InlineXtensa::<false>::new(max_num_labels)),
        Arch::Xtensawin => Box::new(InlineXtensa::<true>::new(max_num_labels)),
        #[allow(clippy::cast_possible_truncation)]
        Arch::Rv32imc => Box::new(InlineRv32::new(
            max_num_labels,
            (arch_flags as u8) & crate::asm::rv32::EXT_ALL,
        )),
        _ => return None,
    })
}
