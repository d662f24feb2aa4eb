//! Viper value types, the `mp_fun_table` indices and the per-target constants the native emitter
//! needs (after `vtype_kind_t` in py/emitnative.c, `mp_fun_kind_t` in py/nativeglue.h and the
//! `NLR_BUF_IDX_LOCAL_1` / `nlr_buf_num_regs` choices of py/emitn*.c and mpy-cross/main.c).

use mpy_format::opcode::BinaryOp;

use crate::asm::arm::Arm;
use crate::asm::debug::Debug;
use crate::asm::rv32::Rv32;
use crate::asm::thumb::Thumb;
use crate::asm::x64::X64;
use crate::asm::x86::X86;
use crate::asm::xtensa::{XtensaCall0, XtensaWin};
use crate::asm::NativeAsm;

/// The type of a viper value (`vtype_kind_t`); the low 4 bits are the `MP_NATIVE_TYPE_*` number
/// passed to the runtime's conversion helpers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum VType {
    PyObj = 0x00,
    Bool = 0x01,
    Int = 0x02,
    Uint = 0x03,
    Ptr = 0x04,
    Ptr8 = 0x05,
    Ptr16 = 0x06,
    Ptr32 = 0x07,
    /// `None` as a viper value (a pointer-typed null until it is converted).
    PtrNone = 0x54,
    /// A local that has not been assigned yet.
    Unbound = 0x60,
    /// A built-in cast such as `int` or `ptr8`, pending its call; the immediate holds the target type.
    BuiltinCast = 0x70,
}

impl VType {
    /// The type of an `MP_NATIVE_TYPE_*` number (an annotation); unknown numbers are objects.
    pub(crate) fn from_native(n: u32) -> Self {
        match n & 0xf {
            1 => Self::Bool,
            2 => Self::Int,
            3 => Self::Uint,
            4 => Self::Ptr,
            5 => Self::Ptr8,
            6 => Self::Ptr16,
            7 => Self::Ptr32,
            _ => Self::PyObj,
        }
    }

    /// The value as the runtime's `type` argument (the whole enum value, as the reference passes it).
    pub(crate) fn code(self) -> i64 {
        i64::from(self as u8)
    }

    /// `vtype_to_qstr`: the name in error messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::PyObj => "object",
            Self::Bool => "bool",
            Self::Int => "int",
            Self::Uint => "uint",
            Self::Ptr => "ptr",
            Self::Ptr8 => "ptr8",
            Self::Ptr16 => "ptr16",
            Self::Ptr32 => "ptr32",
            Self::PtrNone | Self::Unbound | Self::BuiltinCast => "None",
        }
    }
}

/// `mp_native_type_from_qstr`: the native type named by a cast or annotation.
pub(crate) fn native_type_from_name(name: &[u8]) -> Option<u8> {
    Some(match name {
        b"object" => 0,
        b"bool" => 1,
        b"int" => 2,
        b"uint" => 3,
        b"ptr" => 4,
        b"ptr8" => 5,
        b"ptr16" => 6,
        b"ptr32" => 7,
        _ => return None,
    })
}

/// `mp_fun_kind_t`: indices into `mp_fun_table`, baked into native code as word offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
#[allow(dead_code)]
pub(crate) enum Fun {
    ConstNoneObj = 0,
    ConstFalseObj,
    ConstTrueObj,
    ConvertObjToNative,
    ConvertNativeToObj,
    NativeSwapGlobals,
    LoadName,
    LoadGlobal,
    LoadBuildClass,
    LoadAttr,
    LoadMethod,
    LoadSuperMethod,
    StoreName,
    StoreGlobal,
    StoreAttr,
    ObjSubscr,
    ObjIsTrue,
    UnaryOp,
    BinaryOp,
    BuildTuple,
    BuildList,
    BuildMap,
    BuildSet,
    StoreSet,
    ListAppend,
    StoreMap,
    /// `MP_F_MAKE_FUNCTION_FROM_PROTO_FUN`.
    MakeFunctionFromProto,
    NativeCallFunctionNKw,
    CallMethodNKw,
    CallMethodNKwVar,
    NativeGetiter,
    NativeIternext,
    NlrPush,
    NlrPop,
    NativeRaise,
    ImportName,
    ImportFrom,
    ImportAll,
    NewSlice,
    UnpackSequence,
    UnpackEx,
    DeleteName,
    DeleteGlobal,
    NewClosure,
    ArgCheckNumSig,
    SetupCodeState,
    SmallIntFloorDivide,
    SmallIntModulo,
    NativeYieldFrom,
    Setjmp,
}

impl Fun {
    pub(crate) fn id(self) -> u32 {
        self as u32
    }
}

/// `mp_binary_op_method_name[op]` as mpy-cross is configured, for "binary op %q not implemented".
/// mpy-cross is built at MicroPython's default ROM level (core features), so neither
/// MICROPY_PY_ALL_SPECIAL_METHODS nor MICROPY_PY_ALL_INPLACE_SPECIAL_METHODS is on: only the
/// comparisons, `+`, `-`, `+=` and `-=` have names (`__contains__` belongs to the runtime-only
/// CONTAINS op, not to the bytecode op IN); every other entry is the empty qstr, which
/// the reference prints as nothing ("binary op  not implemented" for `x / y` on ints).
pub(crate) fn binary_op_method_name(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::LESS => "__lt__",
        BinaryOp::MORE => "__gt__",
        BinaryOp::EQUAL => "__eq__",
        BinaryOp::LESS_EQUAL => "__le__",
        BinaryOp::MORE_EQUAL => "__ge__",
        BinaryOp::NOT_EQUAL => "__ne__",
        BinaryOp::INPLACE_ADD => "__iadd__",
        BinaryOp::INPLACE_SUBTRACT => "__isub__",
        BinaryOp::ADD => "__add__",
        BinaryOp::SUBTRACT => "__sub__",
        _ => "",
    }
}

/// What the native emitter needs to know about a target beyond the generic assembler interface.
pub(crate) trait NativeTarget: NativeAsm {
    /// `mp_dynamic_compiler.nlr_buf_num_regs` as mpy-cross sets it for the arch.
    const NLR_BUF_NUM_REGS: u32;
    /// `NLR_BUF_IDX_LOCAL_1`: the word of `nlr_buf_t` holding `REG_LOCAL_1` (the handler PC slot).
    const NLR_BUF_IDX_LOCAL_1: u32;
    /// `N_NLR_SETJMP`: `nlr_push` is followed by a `setjmp` call (xtensawin).
    const NLR_SETJMP: bool = false;
    /// `N_X64 || N_X86`: shifts go through `cl`, byte stores need a low register.
    const X86_FAMILY: bool = false;
    /// The register names are enum constants (the debug arch), which the C preprocessor reads as
    /// 0: emitnative's `#if REG_ARG_1 != REG_RET` (in `make_closure`) is then false.
    const ENUM_REGISTERS: bool = false;
}

impl NativeTarget for Thumb {
    // MICROPY_NLR_NUM_REGS_ARM_THUMB_FP, conservative for every Thumb arch.
    const NLR_BUF_NUM_REGS: u32 = 10 + 6;
    const NLR_BUF_IDX_LOCAL_1: u32 = 3;
}

impl NativeTarget for Arm {
    // MICROPY_NLR_NUM_REGS_ARM_THUMB_FP, as mpy-cross sets it for armv6.
    const NLR_BUF_NUM_REGS: u32 = 10 + 6;
    // r4
    const NLR_BUF_IDX_LOCAL_1: u32 = 3;
}

impl NativeTarget for X64 {
    // MAX(MICROPY_NLR_NUM_REGS_X64, MICROPY_NLR_NUM_REGS_X64_WIN).
    const NLR_BUF_NUM_REGS: u32 = 10;
    const NLR_BUF_IDX_LOCAL_1: u32 = 5;
    const X86_FAMILY: bool = true;
}

impl NativeTarget for X86 {
    // MICROPY_NLR_NUM_REGS_X86.
    const NLR_BUF_NUM_REGS: u32 = 6;
    // ebx
    const NLR_BUF_IDX_LOCAL_1: u32 = 5;
    const X86_FAMILY: bool = true;
}

impl NativeTarget for XtensaCall0 {
    const NLR_BUF_NUM_REGS: u32 = 10;
    const NLR_BUF_IDX_LOCAL_1: u32 = 8;
}

impl NativeTarget for XtensaWin {
    const NLR_BUF_NUM_REGS: u32 = 17;
    const NLR_BUF_IDX_LOCAL_1: u32 = 2 + 4;
    const NLR_SETJMP: bool = true;
}

impl NativeTarget for Rv32 {
    // MICROPY_NLR_NUM_REGS_RV32I.
    const NLR_BUF_NUM_REGS: u32 = 14;
    // s3
    const NLR_BUF_IDX_LOCAL_1: u32 = 6;
}

impl NativeTarget for Debug {
    // mpy-cross sets no NLR registers for the debug arch.
    const NLR_BUF_NUM_REGS: u32 = 0;
    const NLR_BUF_IDX_LOCAL_1: u32 = 5;
    const ENUM_REGISTERS: bool = true;
}
