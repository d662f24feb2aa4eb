//! The MicroPython `.mpy` v6.3 data model: header, qstr table, constants, raw-code tree.
//!
//! `no_std` + `alloc` at the core; the `std` feature adds `std::error::Error` impls, `serde`
//! derives for the model, and `cli` the `mpy-dump` binary.
//!
//! - [`model`]: [`MpyFile`] and its parts, keeping every stored byte so read → write is identical.
//! - [`reader`]: [`MpyFile::read`], errors located by byte offset ([`ReadError`]).
//! - [`writer`]: [`MpyFile::write`] / `encode`, and the primitive encoders the compiler shares.
//! - [`bytes`]: allocation-free primitive decoders (vuints, jumps, instructions, prelude fields,
//!   line tables) shared with the `no_std` VM.
//! - [`prelude`]: a bytecode or native-py prelude decoded into fields.
//! - [`disasm`]: the disassembly text and [`disasm::validate`], the operand checker.
//! - [`float_repr`]: MicroPython's float repr and float parser, bit-exact with mpy-cross.
//! - [`image`]: the frozen image runtime-min executes in place (docs/image-format.md).
//! - [`opcode`], [`static_qstr`], [`arch`]: the shared tables.
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
pub use prelude::Prelude;
pub use reader::{ReadError, ReadErrorKind};
