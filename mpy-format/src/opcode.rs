//! The one MicroPython 1.29 bytecode opcode table (after py/bc0.h and py/runtime0.h).
//!
//! Everything that knows about opcodes — the decoder, the disassembler, the
//! compiler's bytecode writer and the VM's dispatch — is derived from
//! [`OPCODES`] and the multi-opcode ranges below. Nothing else in the
//! workspace may spell an opcode byte as a literal.

use core::fmt;

/// What follows an opcode byte in the bytecode stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ArgKind {
    /// No argument.
    None,
    /// A vuint index into the file's qstr table.
    Qstr,
    /// A plain vuint (a count, a local slot number, ...).
    Uint,
    /// A signed vint (`LOAD_CONST_SMALL_INT`).
    SignedInt,
    /// A vuint index into the file's constant-object table (`LOAD_CONST_OBJ`).
    ConstObj,
    /// A vuint index into the raw code's children (`MAKE_FUNCTION*`).
    Child,
    /// A vuint child index then one byte: the number of closed-over cells (`MAKE_CLOSURE*`).
    ChildAndClosedCount,
    /// A vuint `n_positional | n_keyword << 8` (`CALL_*`).
    CallArgs,
    /// A vuint `n_left | n_right << 8` (`UNPACK_EX`).
    UnpackEx,
    /// A vuint `(stack_index + n) << 2 | kind` (`STORE_COMP`).
    StoreComp,
    /// A signed relative jump offset (1 or 2 bytes).
    JumpSigned,
    /// An unsigned relative jump offset (1 or 2 bytes).
    JumpUnsigned,
    /// A signed relative jump offset then one byte: `except_depth | 0x80 if leaving a for loop`.
    UnwindJump,
}

impl ArgKind {
    /// True for the argument kinds that are relative jump offsets.
    #[must_use]
    pub const fn is_jump(self) -> bool {
        matches!(
            self,
            Self::JumpSigned | Self::JumpUnsigned | Self::UnwindJump
        )
    }

    /// True for the jump kinds whose offset is signed (biased by 0x40 / 0x4000).
    #[must_use]
    pub const fn is_signed_jump(self) -> bool {
        matches!(self, Self::JumpSigned | Self::UnwindJump)
    }

    /// True when one extra byte follows the main argument.
    #[must_use]
    pub const fn has_extra_byte(self) -> bool {
        matches!(self, Self::ChildAndClosedCount | Self::UnwindJump)
    }
}

/// One row of the opcode table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpcodeInfo {
    /// The opcode.
    pub opcode: Opcode,
    /// Its name as MicroPython spells it, without the `MP_BC_` prefix.
    pub name: &'static str,
    /// The byte value.
    pub byte: u8,
    /// What follows it.
    pub arg: ArgKind,
}

macro_rules! opcode_table {
    ($( $(#[$doc:meta])* $name:ident = $byte:literal, $arg:ident; )*) => {
        /// A single-byte bytecode opcode (the multi-opcodes are [`OpByte`] variants).
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[repr(u8)]
        pub enum Opcode {
            $( $(#[$doc])* $name = $byte, )*
        }

        /// Every single-byte opcode, in byte order.
        pub const OPCODES: &[OpcodeInfo] = &[
            $( OpcodeInfo { opcode: Opcode::$name, name: stringify!($name), byte: $byte, arg: ArgKind::$arg }, )*
        ];

        impl Opcode {
            /// The opcode with this byte value, if it is a single-byte opcode.
            #[must_use]
            pub const fn from_byte(byte: u8) -> Option<Self> {
                match byte {
                    $( $byte => Some(Self::$name), )*
                    _ => None,
                }
            }

            /// This opcode's row in [`OPCODES`].
            #[must_use]
            pub const fn info(self) -> &'static OpcodeInfo {
                match self {
                    $( Self::$name => &OpcodeInfo { opcode: Self::$name, name: stringify!($name), byte: $byte, arg: ArgKind::$arg }, )*
                }
            }
        }
    };
}

opcode_table! {
    LOAD_CONST_STRING = 0x10, Qstr;
    LOAD_NAME = 0x11, Qstr;
    LOAD_GLOBAL = 0x12, Qstr;
    LOAD_ATTR = 0x13, Qstr;
    LOAD_METHOD = 0x14, Qstr;
    LOAD_SUPER_METHOD = 0x15, Qstr;
    STORE_NAME = 0x16, Qstr;
    STORE_GLOBAL = 0x17, Qstr;
    STORE_ATTR = 0x18, Qstr;
    DELETE_NAME = 0x19, Qstr;
    DELETE_GLOBAL = 0x1a, Qstr;
    IMPORT_NAME = 0x1b, Qstr;
    IMPORT_FROM = 0x1c, Qstr;

    MAKE_CLOSURE = 0x20, ChildAndClosedCount;
    MAKE_CLOSURE_DEFARGS = 0x21, ChildAndClosedCount;
    LOAD_CONST_SMALL_INT = 0x22, SignedInt;
    LOAD_CONST_OBJ = 0x23, ConstObj;
    LOAD_FAST_N = 0x24, Uint;
    LOAD_DEREF = 0x25, Uint;
    STORE_FAST_N = 0x26, Uint;
    STORE_DEREF = 0x27, Uint;
    DELETE_FAST = 0x28, Uint;
    DELETE_DEREF = 0x29, Uint;
    BUILD_TUPLE = 0x2a, Uint;
    BUILD_LIST = 0x2b, Uint;
    BUILD_MAP = 0x2c, Uint;
    BUILD_SET = 0x2d, Uint;
    BUILD_SLICE = 0x2e, Uint;
    STORE_COMP = 0x2f, StoreComp;

    UNPACK_SEQUENCE = 0x30, Uint;
    UNPACK_EX = 0x31, UnpackEx;
    MAKE_FUNCTION = 0x32, Child;
    MAKE_FUNCTION_DEFARGS = 0x33, Child;
    CALL_FUNCTION = 0x34, CallArgs;
    CALL_FUNCTION_VAR_KW = 0x35, CallArgs;
    CALL_METHOD = 0x36, CallArgs;
    CALL_METHOD_VAR_KW = 0x37, CallArgs;

    UNWIND_JUMP = 0x40, UnwindJump;
    JUMP = 0x42, JumpSigned;
    POP_JUMP_IF_TRUE = 0x43, JumpSigned;
    POP_JUMP_IF_FALSE = 0x44, JumpSigned;
    JUMP_IF_TRUE_OR_POP = 0x45, JumpUnsigned;
    JUMP_IF_FALSE_OR_POP = 0x46, JumpUnsigned;
    SETUP_WITH = 0x47, JumpUnsigned;
    SETUP_EXCEPT = 0x48, JumpUnsigned;
    SETUP_FINALLY = 0x49, JumpUnsigned;
    POP_EXCEPT_JUMP = 0x4a, JumpUnsigned;
    FOR_ITER = 0x4b, JumpUnsigned;

    LOAD_CONST_FALSE = 0x50, None;
    LOAD_CONST_NONE = 0x51, None;
    LOAD_CONST_TRUE = 0x52, None;
    LOAD_NULL = 0x53, None;
    LOAD_BUILD_CLASS = 0x54, None;
    LOAD_SUBSCR = 0x55, None;
    STORE_SUBSCR = 0x56, None;
    DUP_TOP = 0x57, None;
    DUP_TOP_TWO = 0x58, None;
    POP_TOP = 0x59, None;
    ROT_TWO = 0x5a, None;
    ROT_THREE = 0x5b, None;
    WITH_CLEANUP = 0x5c, None;
    END_FINALLY = 0x5d, None;
    GET_ITER = 0x5e, None;
    GET_ITER_STACK = 0x5f, None;

    STORE_MAP = 0x62, None;
    RETURN_VALUE = 0x63, None;
    RAISE_LAST = 0x64, None;
    RAISE_OBJ = 0x65, None;
    RAISE_FROM = 0x66, None;
    YIELD_VALUE = 0x67, None;
    YIELD_FROM = 0x68, None;
    IMPORT_STAR = 0x69, None;
}

/// First byte of `LOAD_CONST_SMALL_INT_MULTI`: byte `0x70 + k` loads the small int `k - 16`.
pub const LOAD_CONST_SMALL_INT_MULTI: u8 = 0x70;
/// How many small ints have a one-byte form (`-16..=47`).
pub const LOAD_CONST_SMALL_INT_MULTI_NUM: u8 = 64;
/// The bias of `LOAD_CONST_SMALL_INT_MULTI`: byte `0x70 + 16` loads 0.
pub const LOAD_CONST_SMALL_INT_MULTI_EXCESS: i64 = 16;
/// First byte of `LOAD_FAST_MULTI`: byte `0xb0 + n` loads local `n` (n < 16).
pub const LOAD_FAST_MULTI: u8 = 0xb0;
/// First byte of `STORE_FAST_MULTI`: byte `0xc0 + n` stores local `n` (n < 16).
pub const STORE_FAST_MULTI: u8 = 0xc0;
/// How many locals have one-byte load and store forms.
pub const FAST_MULTI_NUM: u8 = 16;
/// First byte of `UNARY_OP_MULTI`: byte `0xd0 + op` for [`UnaryOp`].
pub const UNARY_OP_MULTI: u8 = 0xd0;
/// First byte of `BINARY_OP_MULTI`: byte `0xd7 + op` for [`BinaryOp`].
pub const BINARY_OP_MULTI: u8 = 0xd7;

/// `STORE_COMP` collection kinds (the low two bits of its argument).
pub const STORE_COMP_LIST: u32 = 0;
/// See [`STORE_COMP_LIST`].
pub const STORE_COMP_DICT: u32 = 1;
/// See [`STORE_COMP_LIST`].
pub const STORE_COMP_SET: u32 = 2;

/// The `UNWIND_JUMP` extra byte flag: the jump leaves a `for` loop (its iterator is popped).
pub const UNWIND_JUMP_FROM_FOR: u8 = 0x80;

macro_rules! op_enum {
    ($(#[$doc:meta])* $enum:ident { $($name:ident = $n:literal,)* }) => {
        $(#[$doc])*
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[repr(u8)]
        pub enum $enum { $($name = $n,)* }

        impl $enum {
            /// Every operator, in numeric order.
            pub const ALL: &'static [Self] = &[$(Self::$name,)*];

            /// The operator with this number.
            #[must_use]
            pub const fn from_u8(n: u8) -> Option<Self> {
                match n { $($n => Some(Self::$name),)* _ => None }
            }

            /// Its name as MicroPython spells it, without the `MP_*_OP_` prefix.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Self::$name => stringify!($name),)* }
            }
        }
    };
}

op_enum! {
    /// Unary operators that may appear in bytecode (`mp_unary_op_t`).
    UnaryOp {
        POSITIVE = 0,
        NEGATIVE = 1,
        INVERT = 2,
        NOT = 3,
    }
}

op_enum! {
    /// Binary operators that may appear in bytecode (`mp_binary_op_t`, first 35).
    BinaryOp {
        LESS = 0,
        MORE = 1,
        EQUAL = 2,
        LESS_EQUAL = 3,
        MORE_EQUAL = 4,
        NOT_EQUAL = 5,
        IN = 6,
        IS = 7,
        EXCEPTION_MATCH = 8,
        INPLACE_OR = 9,
        INPLACE_XOR = 10,
        INPLACE_AND = 11,
        INPLACE_LSHIFT = 12,
        INPLACE_RSHIFT = 13,
        INPLACE_ADD = 14,
        INPLACE_SUBTRACT = 15,
        INPLACE_MULTIPLY = 16,
        INPLACE_MAT_MULTIPLY = 17,
        INPLACE_FLOOR_DIVIDE = 18,
        INPLACE_TRUE_DIVIDE = 19,
        INPLACE_MODULO = 20,
        INPLACE_POWER = 21,
        OR = 22,
        XOR = 23,
        AND = 24,
        LSHIFT = 25,
        RSHIFT = 26,
        ADD = 27,
        SUBTRACT = 28,
        MULTIPLY = 29,
        MAT_MULTIPLY = 30,
        FLOOR_DIVIDE = 31,
        TRUE_DIVIDE = 32,
        MODULO = 33,
        POWER = 34,
    }
}

impl BinaryOp {
    /// The non-inplace operator for an inplace one (`INPLACE_ADD` -> `ADD`), else itself.
    #[must_use]
    pub const fn without_inplace(self) -> Self {
        let n = self as u8;
        if n >= Self::INPLACE_OR as u8 && n <= Self::INPLACE_POWER as u8 {
            match Self::from_u8(n + (Self::OR as u8 - Self::INPLACE_OR as u8)) {
                Some(op) => op,
                None => self,
            }
        } else {
            self
        }
    }
}

/// What one opcode byte denotes: a table opcode or a member of a multi-opcode range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum OpByte {
    /// A single-byte opcode from [`OPCODES`]; its argument follows.
    Op(Opcode),
    /// `LOAD_CONST_SMALL_INT_MULTI`: push this small int (-16..=47).
    LoadConstSmallInt(i8),
    /// `LOAD_FAST_MULTI`: push local `n` (0..16).
    LoadFast(u8),
    /// `STORE_FAST_MULTI`: pop into local `n` (0..16).
    StoreFast(u8),
    /// `UNARY_OP_MULTI`.
    UnaryOp(UnaryOp),
    /// `BINARY_OP_MULTI`.
    BinaryOp(BinaryOp),
}

impl OpByte {
    /// Classify one opcode byte; `None` for the unused byte values.
    #[must_use]
    pub const fn from_byte(byte: u8) -> Option<Self> {
        if let Some(op) = Opcode::from_byte(byte) {
            return Some(Self::Op(op));
        }
        #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
        match byte {
            0x70..=0xaf => Some(Self::LoadConstSmallInt(
                (byte - LOAD_CONST_SMALL_INT_MULTI) as i8 - LOAD_CONST_SMALL_INT_MULTI_EXCESS as i8,
            )),
            0xb0..=0xbf => Some(Self::LoadFast(byte - LOAD_FAST_MULTI)),
            0xc0..=0xcf => Some(Self::StoreFast(byte - STORE_FAST_MULTI)),
            0xd0..=0xd3 => match UnaryOp::from_u8(byte - UNARY_OP_MULTI) {
                Some(op) => Some(Self::UnaryOp(op)),
                None => None,
            },
            0xd7..=0xf9 => match BinaryOp::from_u8(byte - BINARY_OP_MULTI) {
                Some(op) => Some(Self::BinaryOp(op)),
                None => None,
            },
            _ => None,
        }
    }

    /// The byte that encodes this opcode.
    #[must_use]
    #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
    pub const fn to_byte(self) -> u8 {
        match self {
            Self::Op(op) => op as u8,
            Self::LoadConstSmallInt(v) => {
                (v as i16 + LOAD_CONST_SMALL_INT_MULTI_EXCESS as i16) as u8
                    + LOAD_CONST_SMALL_INT_MULTI
            }
            Self::LoadFast(n) => LOAD_FAST_MULTI + n,
            Self::StoreFast(n) => STORE_FAST_MULTI + n,
            Self::UnaryOp(op) => UNARY_OP_MULTI + op as u8,
            Self::BinaryOp(op) => BINARY_OP_MULTI + op as u8,
        }
    }

    /// The argument that follows this opcode byte.
    #[must_use]
    pub const fn arg(self) -> ArgKind {
        match self {
            Self::Op(op) => op.info().arg,
            _ => ArgKind::None,
        }
    }
}

impl fmt::Display for OpByte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Op(op) => f.write_str(op.info().name),
            Self::LoadConstSmallInt(v) => write!(f, "LOAD_CONST_SMALL_INT {v}"),
            Self::LoadFast(n) => write!(f, "LOAD_FAST {n}"),
            Self::StoreFast(n) => write!(f, "STORE_FAST {n}"),
            Self::UnaryOp(op) => write!(f, "UNARY_OP {}", op.name()),
            Self::BinaryOp(op) => write!(f, "BINARY_OP {}", op.name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_round_trips() {
        let mut used = 0;
        for byte in 0..=255u8 {
            if let Some(op) = OpByte::from_byte(byte) {
                assert_eq!(op.to_byte(), byte, "{op}");
                used += 1;
            }
        }
        // 72 table opcodes + 64 small ints + 16 + 16 fast + 4 unary + 35 binary.
        assert_eq!(OPCODES.len(), 72);
        assert_eq!(used, 72 + 64 + 32 + 4 + 35);
    }

    #[test]
    fn table_is_in_byte_order_and_consistent() {
        for pair in OPCODES.windows(2) {
            assert!(pair[0].byte < pair[1].byte);
        }
        for row in OPCODES {
            assert_eq!(row.opcode as u8, row.byte);
            assert_eq!(row.opcode.info(), row);
        }
    }

    #[test]
    fn table_matches_the_reference_format_classes() {
        // MP_BC_FORMAT(op) = (0x000003a4 >> (2 * (op >> 4))) & 3: 0 byte, 1 qstr, 2 vuint, 3 offset.
        for row in OPCODES {
            let class = (0x0000_03a4u32 >> (2 * u32::from(row.byte >> 4))) & 3;
            let expected = match row.arg {
                ArgKind::None => 0,
                ArgKind::Qstr => 1,
                ArgKind::JumpSigned | ArgKind::JumpUnsigned | ArgKind::UnwindJump => 3,
                _ => 2,
            };
            assert_eq!(class, expected, "{}", row.name);
            // MP_BC_MASK_EXTRA_BYTE
            assert_eq!(
                row.byte & 0x9e == 0,
                row.arg.has_extra_byte(),
                "{}",
                row.name
            );
            // Signed jumps are those up to POP_JUMP_IF_FALSE.
            if row.arg.is_jump() {
                assert_eq!(
                    row.arg.is_signed_jump(),
                    row.byte <= Opcode::POP_JUMP_IF_FALSE as u8
                );
            }
        }
    }

    #[test]
    fn inplace_maps_to_plain() {
        assert_eq!(BinaryOp::INPLACE_ADD.without_inplace(), BinaryOp::ADD);
        assert_eq!(BinaryOp::INPLACE_POWER.without_inplace(), BinaryOp::POWER);
        assert_eq!(BinaryOp::LESS.without_inplace(), BinaryOp::LESS);
    }
}
