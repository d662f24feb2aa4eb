//! Python 3 to MicroPython `.mpy` v6.3 compiler (after MicroPython 1.29 py/lexer.c, parse.c, compile.c, emitbc.c).
//!
//! The entry point is [`compile`]: source bytes and [`CompileOptions`] in, the `.mpy`
//! file's bytes out — byte-identical to MicroPython 1.29's `mpy-cross` with the same flags —
//! or a [`CompileError`] carrying the reference's exception class, message and line.

pub mod asm;
pub mod error;
pub mod lexer;
pub mod parse;
pub mod qstr;
pub mod value;

pub use error::{CompileError, ErrorClass, Traceback};
pub use mpy_format::arch::Arch;

/// Which emitter compiles functions that carry no decorator (`-X emit=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EmitMode {
    /// MicroPython bytecode (the default).
    #[default]
    Bytecode,
    /// `@micropython.native` machine code for every function.
    Native,
    /// `@micropython.viper` machine code for every function.
    Viper,
}

/// The compiler's options: the `mpy-cross` command line as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// The source name stored as qstr 0 (`-s NAME`, else the input path as given; `\` becomes `/`).
    pub source_name: String,
    /// Optimisation level (`-O<n>`): 0 keeps asserts; ≥1 drops them and sets `__debug__` false; ≥3 drops line tables.
    pub optimize: u8,
    /// `-msmall-int-bits=N` (default 31).
    pub small_int_bits: u8,
    /// `-X emit=`.
    pub emit: EmitMode,
    /// `-march=`; `None` when not given.
    pub arch: Option<Arch>,
    /// `-march-flags=` as the reference's bit set (rv32imc: bit 0 zba, bit 1 zcmp).
    pub arch_flags: u32,
    /// `-X source-lines` (default) / `-X no-source-lines`.
    pub source_lines: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        Self {
            source_name: String::new(),
            optimize: 0,
            small_int_bits: 31,
            emit: EmitMode::Bytecode,
            arch: None,
            arch_flags: 0,
            source_lines: true,
        }
    }
}
