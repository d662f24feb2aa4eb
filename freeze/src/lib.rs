//! Freezing a project (manifest.py or files) into a ROM-resident image: MicroPython firmware C
//! (`frozen_content.c`), a runtime-min image (raw or as an ELF object), or a ROMFS image.

pub mod cfreeze;
mod codepoint_names;
pub mod compiler;
pub mod elf;
pub mod error;
pub mod manifest;
pub mod output;
pub mod project;
pub mod qstr;
pub mod report;
pub mod romfs;

pub use compiler::{CompileOptions, Compiler};
pub use error::{Error, Result};
