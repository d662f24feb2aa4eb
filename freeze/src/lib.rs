//! Freezing a project (manifest.py or files) into a ROM-resident image: MicroPython firmware C
//! (`frozen_content.c`), a runtime-min image (raw or as an ELF object), or a ROMFS image.
//!
//! The flow (`output::build`): [`manifest`] evaluates manifests (a safe evaluator of the Python
//! subset they use) and [`project`] turns plain inputs into the list of files to freeze;
//! [`project::compile_project`] compiles `.py` sources in parallel through
//! [`Compiler::compile_py`] (the in-process mpy-cross) and validates `.mpy` inputs; then
//! [`cfreeze`] writes the reference tool's C, [`elf`] the image (layout in
//! `mpy_format::image`, docs/image-format.md) and its ELF object, [`report`] the size table,
//! and [`romfs`] the ROMFS image. Outputs are built in memory and written only when everything
//! succeeded.

pub mod cfreeze;
mod codepoint_names;
pub mod compiler;
pub mod elf;
pub mod error;
pub mod firmware_size;
pub mod image_dump;
pub mod manifest;
pub mod output;
mod printable;
pub mod project;
pub mod qstr;
pub mod report;
pub mod romfs;

pub use compiler::{CompileOptions, Compiler};
pub use error::{Error, Result};
