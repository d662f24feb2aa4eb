//! The hook through which a host with a Python compiler gives the VM `eval`, `exec` and
//! `compile` (feature `eval`; `mpy-run` plugs in `mpy-cross`). A firmware without one has no
//! such built-ins, as a MicroPython build without its compiler.
//!
//! The VM runs compiled code in place like any other `.mpy`, so the bytes must outlive it.
//! Each compile returns a [`CompiledSource`]: the `.mpy` file at `start` inside `image`.
//! A host that compiles many times keeps the image slots the VM has (15) by appending every
//! result to one buffer and returning its whole written prefix each time: the VM then
//! replaces its slot's slice with the longer one. The bytes before the previous end must
//! never change (they are in use).

/// What the source holds (the `mode` of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// Statements (`exec`, `compile(.., "exec")`): the code returns None.
    Exec,
    /// One expression (`eval`, `compile(.., "eval")`): the code returns its value.
    Eval,
    /// REPL input (`compile(.., "single")`): each expression statement's value is printed
    /// through the `__repl_print__` built-in.
    Single,
}

/// A successful compile: a `.mpy` file (bytecode only) at `image[start..]`.
#[derive(Clone, Copy, Debug)]
pub struct CompiledSource<'a> {
    /// The bytes holding the `.mpy` file: the host's buffer up to the file's end.
    pub image: &'a [u8],
    /// Where the `.mpy` file starts in `image`.
    pub start: usize,
}

/// The exception a failed compile raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError`.
    IndentationError,
    /// `NotImplementedError`.
    NotImplementedError,
    /// `ValueError`.
    ValueError,
    /// `OverflowError`.
    OverflowError,
    /// `UnicodeError`.
    UnicodeError,
    /// `MemoryError`.
    MemoryError,
    /// `RuntimeError`.
    RuntimeError,
}

/// A failed compile: the exception, its message and where it was raised (the traceback
/// entry MicroPython's compiler adds: `File "<string>", line N[, in SCOPE]`).
#[derive(Clone, Copy, Debug)]
pub struct CompileFailure {
    /// The exception type.
    pub kind: CompileErrorKind,
    /// The source line; 0 for no traceback entry.
    pub line: u32,
    message: [u8; 120],
    message_len: u8,
    scope: [u8; 40],
    scope_len: u8,
}

impl CompileFailure {
    /// A failure raising `kind(message)` at `line`, inside scope `scope` (`<module>`, a
    /// function's name) for errors of the compiler, None for the lexer's and parser's.
    /// Texts longer than the fields (120 and 40 bytes) are cut at a character boundary.
    #[must_use]
    pub fn new(kind: CompileErrorKind, message: &str, line: u32, scope: Option<&str>) -> Self {
        let mut f = CompileFailure {
            kind,
            line,
            message: [0; 120],
            message_len: 0,
            scope: [0; 40],
            scope_len: 0,
        };
        f.message_len = copy_cut(&mut f.message, message);
        f.scope_len = scope.map_or(0, |s| copy_cut(&mut f.scope, s));
        f
    }

    /// The exception's message.
    #[must_use]
    pub fn message(&self) -> &str {
        core::str::from_utf8(&self.message[..usize::from(self.message_len)]).unwrap_or("")
    }

    /// The scope the compiler was in, if the error came from the compiler.
    #[must_use]
    pub fn scope(&self) -> Option<&str> {
        (self.scope_len > 0)
            .then(|| core::str::from_utf8(&self.scope[..usize::from(self.scope_len)]).ok())
            .flatten()
    }
}

/// Copy `text` into `buf`, cut at a character boundary; returns the length copied.
pub(crate) fn copy_cut(buf: &mut [u8], text: &str) -> u8 {
    let mut n = text.len().min(buf.len()).min(usize::from(u8::MAX));
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    buf[..n].copy_from_slice(&text.as_bytes()[..n]);
    #[allow(clippy::cast_possible_truncation)]
    let n = n as u8;
    n
}

/// A Python compiler the host provides ([`crate::Vm::set_compiler`]).
pub trait SourceCompiler<'a> {
    /// Compile `source` (the text as given, not necessarily UTF-8) named `filename` as
    /// `mode` at optimisation level `optimize` (`micropython.opt_level()`: as `mpy-cross
    /// -O<n>`) to a bytecode `.mpy` file.
    ///
    /// # Errors
    /// The exception the compile raises ([`CompileFailure`]).
    // Without an allocator the message travels by value; compiling is rare.
    #[allow(clippy::result_large_err)]
    fn compile(
        &self,
        source: &[u8],
        filename: &str,
        mode: CompileMode,
        optimize: u8,
    ) -> Result<CompiledSource<'a>, CompileFailure>;
}
