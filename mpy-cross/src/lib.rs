//! Python 3 to MicroPython `.mpy` v6.3 compiler (after MicroPython 1.29 py/lexer.c, parse.c, compile.c, emitbc.c).
//!
//! The entry point is [`compile`]: source bytes and [`CompileOptions`] in, the `.mpy`
//! file's bytes out — byte-identical to MicroPython 1.29's `mpy-cross` with the same flags —
//! or a [`CompileError`] carrying the reference's exception class, message and line.

pub mod asm;
pub(crate) mod compile;
pub(crate) mod emit;
pub mod error;
pub mod lexer;
pub mod parse;
pub(crate) mod persistent;
pub mod qstr;
pub(crate) mod scope;
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
    /// What the source is: a module (what `mpy-cross` compiles), one expression (`eval`) or
    /// REPL input (`compile(..., "single")`). Runtimes with `eval`/`exec` use the other two.
    pub input: parse::InputKind,
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
            input: parse::InputKind::File,
        }
    }
}

/// Compile Python source to the bytes of a `.mpy` file, as `mpy-cross` 1.29 would.
///
/// # Errors
/// The reference's error (class, message, line) when it rejects the source, or a
/// `NotImplementedError` when a function needs machine code for an arch this port lacks.
pub fn compile(source: &[u8], options: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    compile_traced(source, options).0
}

/// [`compile`], also returning what `-march=debug` prints to stdout while it compiles: the
/// native emitter's trace (`ENTRY(f, num_locals=3)`, `    call_ind(binary_op)`, ...), empty for
/// every other arch. The trace comes back with a failed compile too: the reference prints the
/// lines of the scopes emitted before the error.
pub fn compile_traced(
    source: &[u8],
    options: &CompileOptions,
) -> (Result<Vec<u8>, CompileError>, String) {
    // Parsing and compiling recurse once per nesting level; the reference accepts a few
    // thousand levels, so run on a thread whose (lazily committed) stack has room for them.
    const STACK_SIZE: usize = 512 << 20;
    let traced = || {
        let _ = asm::debug::take_trace();
        let result = compile_here(source, options);
        (result, asm::debug::take_trace())
    };
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn_scoped(s, traced)
        {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|payload| std::panic::resume_unwind(payload)),
            Err(_) => traced(),
        }
    })
}

/// [`compile`] on the current thread.
fn compile_here(source: &[u8], options: &CompileOptions) -> Result<Vec<u8>, CompileError> {
    use scope::EmitOption;

    let mut pool = qstr::QstrPool::new();
    // The reference interns the source name before parsing (it can make long strings qstrs).
    let source_file = pool.intern(options.source_name.replace('\\', "/").as_bytes());
    let parse_options = parse::ParseOptions {
        optimize: options.optimize,
        small_int_bits: options.small_int_bits,
    };
    let (root, unicode_error) =
        parse::parse_deferring_unicode_errors(source, options.input, &parse_options, &mut pool)?;

    let arch = options.arch.unwrap_or(Arch::None);
    let native_arch_available = !matches!(arch, Arch::None | Arch::Rv64imc);
    let asm_arch_available = matches!(
        arch,
        Arch::Armv6
            | Arch::Armv6m
            | Arch::Armv7m
            | Arch::Armv7em
            | Arch::Armv7emsp
            | Arch::Armv7emdp
            | Arch::Xtensa
            | Arch::Xtensawin
            | Arch::Rv32imc
    );
    let default_emit = match options.emit {
        EmitMode::Bytecode => EmitOption::None,
        EmitMode::Native => EmitOption::NativePython,
        EmitMode::Viper => EmitOption::Viper,
    };
    let core = compile::CoreOptions {
        optimize: options.optimize,
        small_int_bits: options.small_int_bits,
        source_lines: options.source_lines,
        native_arch_available,
        asm_arch_available,
        arch,
        arch_flags: options.arch_flags,
        is_repl: options.input == parse::InputKind::Single,
    };
    let (module, has_native) =
        compile::compile_module(&root, &mut pool, source_file, core, default_emit)?;
    // Invalid UTF-8 in a str literal or name: the reference compiles the file into broken
    // strings; we refuse it, but only now, so any error the reference raises comes first.
    if let Some(error) = unicode_error {
        return Err(error);
    }
    let arch_flags =
        (arch == Arch::Rv32imc && options.arch_flags != 0).then_some(options.arch_flags);
    Ok(persistent::save(
        &module,
        &pool,
        options.small_int_bits,
        arch_flags,
        has_native.then_some(arch),
    ))
}
