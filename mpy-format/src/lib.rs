//! The MicroPython `.mpy` v6.3 data model: header, qstr table, constants, raw-code tree.
//!
//! `no_std` at the core. The `alloc` feature (on by default) adds the model, reader, writer,
//! disassembler and float repr; without it only the allocation-free parts remain ([`bytes`],
//! [`image`]'s reader, the tables), so firmware with no global allocator can link this crate.
//! The `std` feature adds `std::error::Error` impls, `serde`
//! derives for the model, and `cli` the `mpy-dump` binary.
//!
//! - [`model`]: [`MpyFile`] and its parts, keeping every stored byte so read → write is identical.
//! - [`reader`]: [`MpyFile::read`], errors located by byte offset ([`ReadError`]).
//! - [`writer`]: [`MpyFile::write`] / `encode`, and the primitive encoders the compiler shares.
//! - [`bytes`]: allocation-free primitive decoders (vuints, jumps, instructions, prelude fields,
//!   line tables) shared with the `no_std` VM.
//! - [`prelude`]: a bytecode or native-py prelude decoded into fields.
//! - [`disasm`]: the disassembly text and [`disasm::validate`], the operand checker.
//! - [`float_repr`]: MicroPython's float repr and float parser, bit-exact with mpy-cross;
//!   [`decimal_scan`]: the digit scanning both it and runtime-min's float parser share.
//! - [`image`]: the frozen image runtime-min executes in place (docs/image-format.md).
//! - [`opcode`], [`static_qstr`], [`arch`]: the shared tables.
#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod arch;
pub mod bytes;
pub mod decimal_scan;
#[cfg(feature = "alloc")]
pub mod disasm;
#[cfg(feature = "alloc")]
pub mod float_repr;
pub mod image;
#[cfg(feature = "machine-code")]
mod machine;
#[cfg(feature = "alloc")]
pub mod model;
pub mod opcode;
#[cfg(feature = "alloc")]
pub mod prelude;
#[cfg(feature = "alloc")]
pub mod reader;
pub mod static_qstr;
#[cfg(feature = "std")]
pub mod stdout;
#[cfg(feature = "alloc")]
pub mod writer;

pub use arch::Arch;
#[cfg(feature = "alloc")]
pub use model::{Constant, Header, MpyFile, QstrEntry, RawCode, RawCodeKind};
#[cfg(feature = "alloc")]
pub use prelude::Prelude;
#[cfg(feature = "alloc")]
pub use reader::{ReadError, ReadErrorKind};
