//! The 32-bit object reference (after py/obj.h's representation A, adapted to heap offsets).
//!
//! | bits            | meaning                                                       |
//! |-----------------|---------------------------------------------------------------|
//! | `...1`          | small int (31-bit signed)                                     |
//! | `..00`, nonzero | byte offset of a heap block                                   |
//! | `0` (all)       | NULL (MP_OBJ_NULL: "no value")                                |
//! | `.010`          | interned string: a [`Qstr`] id in bits 3..                    |
//! | `.110`          | immediate: kind in bits 3..7, payload in bits 8..             |

/// An interned string id: a static qstr (mpy's 165, then the VM's extra names) or a string
/// inside a loaded image (`IMAGE_BIT | image << 24 | offset`), read in place.
pub type Qstr = u32;

/// Set on image-resident qstr ids.
pub const QSTR_IMAGE_BIT: u32 = 1 << 28;

/// Immediate kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Imm {
    /// None, False, True, Ellipsis, NotImplemented.
    Const = 0,
    /// A built-in type (index into `TYPES`).
    Type = 1,
    /// A built-in function (index into `BUILTINS`).
    Builtin = 2,
    /// A built-in method (index into `METHODS`).
    Method = 3,
    /// `bytes` constant in an image: `image << 20 | offset` of its length vuint.
    RomBytes = 4,
    /// A firmware-registered native function: `module << 16 | function` (see `native`).
    Native = 5,
}

/// An object reference.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Obj(u32);

impl Obj {
    /// MP_OBJ_NULL.
    pub const NULL: Obj = Obj(0);
    /// `None`.
    pub const NONE: Obj = Obj::imm(Imm::Const, 0);
    /// `False`.
    pub const FALSE: Obj = Obj::imm(Imm::Const, 1);
    /// `True`.
    pub const TRUE: Obj = Obj::imm(Imm::Const, 2);
    /// `...`.
    pub const ELLIPSIS: Obj = Obj::imm(Imm::Const, 3);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Obj = Obj::imm(Imm::Const, 4);

    /// Smallest and largest small int.
    pub const SMALL_MIN: i64 = -(1 << 30);
    /// See [`Obj::SMALL_MIN`].
    pub const SMALL_MAX: i64 = (1 << 30) - 1;

    /// `None` (what a native function returns when it has nothing to return).
    #[inline]
    pub const fn none() -> Obj {
        Obj::NONE
    }

    /// Is this `None`?
    #[inline]
    pub const fn is_none(self) -> bool {
        self.0 == Obj::NONE.0
    }

    #[inline]
    pub const fn from_bits(b: u32) -> Obj {
        Obj(b)
    }
    #[inline]
    pub const fn bits(self) -> u32 {
        self.0
    }
    #[inline]
    pub const fn is_null(self) -> bool {
        self.0 == 0
    }

    #[inline]
    pub const fn imm(kind: Imm, n: u32) -> Obj {
        Obj((n << 8) | ((kind as u32) << 3) | 0b110)
    }

    /// The immediate kind and payload, if this is an immediate.
    #[inline]
    pub const fn as_imm(self) -> Option<(u8, u32)> {
        if self.0 & 0b111 == 0b110 {
            Some((((self.0 >> 3) & 0x1f) as u8, self.0 >> 8))
        } else {
            None
        }
    }

    #[inline]
    pub fn imm_of(self, kind: Imm) -> Option<u32> {
        match self.as_imm() {
            Some((k, n)) if k == kind as u8 => Some(n),
            _ => None,
        }
    }

    #[inline]
    pub const fn bool(b: bool) -> Obj {
        if b {
            Obj::TRUE
        } else {
            Obj::FALSE
        }
    }

    /// A small int, if `v` fits in 31 bits.
    #[inline]
    pub fn small(v: i64) -> Option<Obj> {
        if (Self::SMALL_MIN..=Self::SMALL_MAX).contains(&v) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Some(Obj(((v as i32) << 1) as u32 | 1))
        } else {
            None
        }
    }

    /// A small int from a value known to fit (saturates otherwise).
    #[inline]
    pub fn small_sat(v: i64) -> Obj {
        Obj::small(v.clamp(Self::SMALL_MIN, Self::SMALL_MAX)).unwrap_or(Obj::NULL)
    }

    #[inline]
    pub const fn as_small(self) -> Option<i64> {
        if self.0 & 1 == 1 {
            #[allow(clippy::cast_possible_wrap)]
            Some(((self.0 as i32) >> 1) as i64)
        } else {
            None
        }
    }

    #[inline]
    pub const fn qstr(q: Qstr) -> Obj {
        Obj((q << 3) | 0b010)
    }

    #[inline]
    pub const fn as_qstr(self) -> Option<Qstr> {
        if self.0 & 0b111 == 0b010 {
            Some(self.0 >> 3)
        } else {
            None
        }
    }

    #[inline]
    pub const fn heap(off: u32) -> Obj {
        Obj(off)
    }

    #[inline]
    pub const fn heap_offset(self) -> Option<u32> {
        if self.0 != 0 && self.0 & 3 == 0 {
            Some(self.0)
        } else {
            None
        }
    }
}
