//! Compile errors as data: exception class, message and source location. Rendered only by the CLI.

use core::fmt;
use core::ops::Range;

/// The exception class the reference raises for an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorClass {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError` in MicroPython too).
    IndentationError,
    /// `NotImplementedError` (e.g. "unicode name escapes").
    NotImplementedError,
    /// `ViperTypeError` (viper type checks).
    ViperTypeError,
    /// `ValueError` (e.g. an invalid `-march` combination).
    ValueError,
    /// `MemoryError`: an input beyond this tool's structural limits (nesting depth).
    MemoryError,
    /// `OverflowError` (e.g. a constant too large).
    OverflowError,
    /// `UnicodeError`: the source is not valid UTF-8.
    UnicodeError,
    /// `RuntimeError` (e.g. "bytecode overflow": a jump farther than 15 bits).
    RuntimeError,
}

impl ErrorClass {
    /// The class name as the reference prints it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::SyntaxError => "SyntaxError",
            Self::IndentationError => "IndentationError",
            Self::NotImplementedError => "NotImplementedError",
            Self::ViperTypeError => "ViperTypeError",
            Self::ValueError => "ValueError",
            Self::MemoryError => "MemoryError",
            Self::OverflowError => "OverflowError",
            Self::UnicodeError => "UnicodeError",
            Self::RuntimeError => "RuntimeError",
        }
    }
}

/// Which traceback line the reference prints above `Class: message`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Traceback {
    /// `File "<input path>", line N` — errors raised by the lexer and parser.
    #[default]
    Parse,
    /// `File "<source name>", line N, in <scope>` — errors raised by the compiler; the
    /// file is the `-s` source name and `scope` the simple name of the scope being compiled.
    Compile {
        /// The scope's simple name (`<module>`, `f`, `<lambda>`, ...).
        scope: String,
    },
    /// No traceback at all (e.g. the lexer's `NotImplementedError: unicode name escapes`).
    None,
}

/// One compile error: what the reference would raise, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The exception class.
    pub class: ErrorClass,
    /// The message exactly as the reference prints it after `ClassName: `.
    pub message: String,
    /// 1-based line the reference reports (`File "x.py", line N`). 0 when the reference prints no line.
    pub line: u32,
    /// Byte range in the source of the offending token or construct, when known (for rich rendering).
    pub span: Option<Range<u32>>,
    /// An optional hint for the rich renderer (never part of the reference-compatible output).
    pub hint: Option<String>,
    /// The traceback shape the reference prints for this error.
    pub traceback: Traceback,
}

impl CompileError {
    /// A new error at `line`, with no span yet.
    #[cold]
    pub fn new(class: ErrorClass, message: impl Into<String>, line: u32) -> Self {
        Self {
            class,
            message: message.into(),
            line,
            span: None,
            hint: None,
            traceback: Traceback::Parse,
        }
    }

    /// A compiler error (`File "<source name>", line N, in <scope>`).
    #[cold]
    pub fn in_scope(
        class: ErrorClass,
        message: impl Into<String>,
        line: u32,
        scope: impl Into<String>,
    ) -> Self {
        Self {
            traceback: Traceback::Compile {
                scope: scope.into(),
            },
            ..Self::new(class, message, line)
        }
    }

    /// Mark this error as printed without a traceback line.
    #[must_use]
    pub fn without_traceback(mut self) -> Self {
        self.traceback = Traceback::None;
        self
    }

    /// `SyntaxError: <message>` at `line`.
    #[cold]
    pub fn syntax(message: impl Into<String>, line: u32) -> Self {
        Self::new(ErrorClass::SyntaxError, message, line)
    }

    /// Attach the byte range of the offending source.
    #[must_use]
    pub fn with_span(mut self, span: Range<u32>) -> Self {
        self.span = Some(span);
        self
    }

    /// Attach a hint for the rich renderer.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class.name(), self.message)
    }
}

impl std::error::Error for CompileError {}
