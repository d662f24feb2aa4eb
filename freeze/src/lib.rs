//! Freezing a project (manifest.py or files) into a ROM-resident image: MicroPython firmware C
//! (`frozen_content.c`), a runtime-min image (raw or as an ELF object), or a ROMFS image.

pub mod compiler;
pub mod error;
pub mod romfs;

pub use compiler::{CompileOptions, Compiler};
pub use error::{Error, Result};
