//! The MicroPython `.mpy` v6.3 data model: header, qstr table, constants, raw-code tree.
//!
//! `no_std` + `alloc` at the core; the `std` feature adds `std::error::Error` impls.
//! [`bytes`] is allocation-free so the `no_std` VM can share it.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod arch;
pub mod bytes;
pub mod disasm;
pub mod float_repr;
pub mod image;
pub mod model;
pub mod opcode;
pub mod prelude;
pub mod reader;
pub mod static_qstr;
pub mod writer;

pub use arch::Arch;
pub use model::{Constant, Header, MpyFile, QstrEntry, RawCode, RawCodeKind};
pub use reader::{ReadError, ReadErrorKind};
