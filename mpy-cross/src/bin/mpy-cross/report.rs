//! Printing compile errors: the reference's traceback shape, a rich diagnostic, or JSON.

use crate::args::ErrorFormat;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use mpy_cross::{CompileError, Traceback};
use std::io::{IsTerminal, Write};

/// One failed input, with everything needed to print its error.
pub struct Failure<'a> {
    /// The input path as the user gave it (the lexer's source name, used by parser errors).
    pub input_name: &'a str,
    /// The source name embedded in the `.mpy` (`-s`), used by compiler errors.
    pub source_name: &'a str,
    /// The source text, for rich rendering (may be empty when unavailable).
    pub source: &'a [u8],
    /// The error.
    pub error: &'a CompileError,
}

/// The reference's exact stderr text for `error`.
#[must_use]
pub fn reference_text(failure: &Failure<'_>) -> String {
    let error = failure.error;
    let head = match &error.traceback {
        Traceback::Parse => {
            format!(
                "Traceback (most recent call last):\n  File \"{}\", line {}\n",
                failure.input_name, error.line
            )
        }
        Traceback::Compile { scope } => format!(
            "Traceback (most recent call last):\n  File \"{}\", line {}, in {scope}\n",
            failure.source_name, error.line
        ),
        Traceback::None => String::new(),
    };
    format!("{head}{}: {}\n", error.class.name(), error.message)
}

/// The byte range to underline: the error's span, else the whole reported line.
fn label_range(source: &str, error: &CompileError) -> std::ops::Range<usize> {
    if let Some(span) = &error.span {
        let start = (span.start as usize).min(source.len());
        let end = (span.end as usize).clamp(start, source.len());
        return start..end;
    }
    let mut offset = 0;
    for (number, line) in source.split_inclusive('\n').enumerate() {
        if number + 1 == error.line as usize {
            let text = line.trim_end_matches(['\n', '\r']);
            let indent = text.len() - text.trim_start().len();
            return offset + indent..offset + text.len();
        }
        offset += line.len();
    }
    source.len()..source.len()
}

fn rich_text(failure: &Failure<'_>, color: bool) -> String {
    let source = String::from_utf8_lossy(failure.source);
    let error = failure.error;
    let name = match error.traceback {
        Traceback::Compile { .. } => failure.source_name,
        _ => failure.input_name,
    };
    let file = SimpleFile::new(name, source.as_ref());
    let mut diagnostic =
        Diagnostic::error().with_message(format!("{}: {}", error.class.name(), error.message));
    if error.line > 0 || error.span.is_some() {
        let range = label_range(&source, error);
        let label = if let Traceback::Compile { scope } = &error.traceback {
            Label::primary((), range).with_message(format!("in {scope}"))
        } else {
            Label::primary((), range)
        };
        diagnostic = diagnostic.with_labels(vec![label]);
    }
    if let Some(hint) = &error.hint {
        diagnostic = diagnostic.with_notes(vec![format!("hint: {hint}")]);
    }
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    if term::emit(&mut buffer, &config, &file, &diagnostic).is_err() {
        return reference_text(failure);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn json_text(failure: &Failure<'_>) -> String {
    let error = failure.error;
    let (file, scope) = match &error.traceback {
        Traceback::Compile { scope } => (failure.source_name, Some(scope.as_str())),
        _ => (failure.input_name, None),
    };
    let source = String::from_utf8_lossy(failure.source);
    let (column, end) = if error.line > 0 {
        let range = label_range(&source, error);
        let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
        (
            Some(source[line_start..range.start].chars().count() + 1),
            Some(range.end),
        )
    } else {
        (None, None)
    };
    let value = serde_json::json!({
        "file": file,
        "line": error.line,
        "column": column,
        "span": error.span.as_ref().map(|s| [s.start, s.end]),
        "end_offset": end,
        "class": error.class.name(),
        "message": error.message,
        "scope": scope,
        "hint": error.hint,
    });
    format!("{value}\n")
}

/// Print `failure` to stderr in the chosen format.
pub fn print(failure: &Failure<'_>, format: ErrorFormat) {
    let stderr = std::io::stderr();
    let text = match format {
        ErrorFormat::Reference => reference_text(failure),
        ErrorFormat::Json => json_text(failure),
        ErrorFormat::Rich => rich_text(failure, stderr.is_terminal()),
        ErrorFormat::Auto if stderr.is_terminal() => rich_text(failure, true),
        ErrorFormat::Auto => reference_text(failure),
    };
    let _ = stderr.lock().write_all(text.as_bytes());
}
