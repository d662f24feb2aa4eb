//! The `mpy-cross` binary: MicroPython 1.29's command line, plus batch mode.
//!
//! One input file behaves exactly as the reference (same flags, output path, messages,
//! exit codes). Several inputs or a directory switch to batch mode: files compile in
//! parallel, each embeds its path relative to the input as its source name, every
//! error is reported and a summary closes the run.

mod args;
mod batch;
mod report;

use args::{Command, Invocation};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE_OPTIONS: &str = "Options:
--version : show version information
-o : output file for compiled bytecode (defaults to input filename with .mpy extension, or stdout if input is stdin)
-s : source filename to embed in the compiled bytecode (defaults to input file)
-v : verbose (trace various operations); can be multiple
-O[N] : apply bytecode optimizations of level N

Target specific options:
-msmall-int-bits=number : set the maximum bits used to encode a small-int
-march=<arch> : set architecture for native emitter;
                x86, x64, armv6, armv6m, armv7m, armv7em, armv7emsp,
                armv7emdp, xtensa, xtensawin, rv32imc, rv64imc, host, debug
-march-flags=<flags> : set architecture-specific flags (can be either a dec/hex/bin value or a comma-separated flags string)
                       supported flags for rv32imc: zba, zcmp

Implementation specific options:
  emit={bytecode,native,viper} -- set the default code emitter
  heapsize=<n> -- accepted for compatibility; this compiler needs no heap limit
  source-lines    -- include source line numbers (default)
  no-source-lines -- exclude source line numbers

Extensions (not in the reference):
several inputs or directories : batch mode, e.g. `mpy-cross -o OUTDIR src/ lib/util.py`;
                      each file embeds its path relative to its input as source name
-j N : compile N files in parallel in batch mode (default: all cores)
--error-format=auto|reference|rich|json : how errors are printed (auto: rich on a
                      terminal, the reference's traceback shape otherwise)
";

fn usage(program: &str) -> String {
    format!("usage: {program} [<opts>] [-X <implopt>] [--] <input filename>\n{USAGE_OPTIONS}")
}

/// The version line: names this tool, its compatibility, and the format it emits.
fn version_line() -> String {
    format!(
        "mpy-cross (mpy-rs {}), compatible with MicroPython v1.29.0; mpy-cross emitting mpy v6.3",
        env!("CARGO_PKG_VERSION")
    )
}

/// The reference's default output path: the input with its last two bytes replaced by "mpy".
fn default_output_path(input: &str) -> String {
    let mut cut = input.len().saturating_sub(2);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}mpy", &input[..cut])
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, then a rename,
/// so a failed run never leaves a half-written or stale-but-modified output.
///
/// Only a regular file (or a path that does not exist yet) is replaced that way. Anything else
/// is written through, as the reference writes: a rename would replace a symbolic link by a
/// file, or a device such as `-o /dev/null` by a regular file (as root that breaks every later
/// reader of /dev/null).
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
        return std::fs::write(path, bytes);
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temp, bytes).and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// `OSError` text as the reference prints it for a file it cannot open.
fn os_error_text(path: &str, error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(2) => format!("OSError: (2, \"can't open {path}\")"),
        Some(code) => format!("OSError: {code}"),
        None => format!("OSError: {error}"),
    }
}

/// Compile one input exactly as the reference does.
fn compile_single(invocation: &Invocation) -> ExitCode {
    let raw_input = &invocation.inputs[0];
    let input = raw_input.to_string_lossy().replace('\\', "/");
    let from_stdin = input == "-";
    let mut source = Vec::new();
    let read = if from_stdin {
        std::io::stdin().read_to_end(&mut source).map(|_| ())
    } else {
        std::fs::read(raw_input).map(|bytes| source = bytes)
    };
    if let Err(error) = read {
        eprintln!("{}", os_error_text(&input, &error));
        return ExitCode::FAILURE;
    }
    let input_name = if from_stdin {
        "<stdin>".to_owned()
    } else {
        input.clone()
    };
    let source_name = invocation
        .source_name
        .clone()
        .unwrap_or_else(|| input_name.clone());
    let options = mpy_cross::CompileOptions {
        source_name: source_name.clone(),
        ..invocation.options.clone()
    };
    let (result, trace) = mpy_cross::compile_traced(&source, &options);
    if !trace.is_empty() {
        // -march=debug: the native emitter's trace, printed before the .mpy or the error.
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(trace.as_bytes())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
    }
    let mpy = match result {
        Ok(mpy) => mpy,
        Err(error) => {
            let failure = report::Failure {
                input_name: &input_name,
                source_name: &source_name,
                source: &source,
                error: &error,
            };
            report::print(&failure, invocation.error_format);
            return ExitCode::FAILURE;
        }
    };
    let output = invocation
        .output
        .as_ref()
        .map(|o| o.to_string_lossy().into_owned());
    let to_stdout = output.as_deref() == Some("-") || (output.is_none() && from_stdin);
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(&mpy)
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    let path = output.unwrap_or_else(|| default_output_path(&input));
    if let Err(error) = write_atomically(Path::new(&path), &mpy) {
        eprintln!("{}", os_error_text(&path, &error));
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let mut all: Vec<OsString> = std::env::args_os().collect();
    let program = if all.is_empty() {
        "mpy-cross".to_owned()
    } else {
        all.remove(0).to_string_lossy().into_owned()
    };
    match args::parse(&all) {
        Command::Version => {
            mpy_format::stdout::print_stdout(&format!("{}\n", version_line()));
            ExitCode::SUCCESS
        }
        Command::Usage { status } => {
            mpy_format::stdout::print_stdout(&usage(&program));
            if status == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Fail(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
        Command::Compile(invocation) => {
            if batch::is_batch(&invocation) {
                batch::run(&invocation)
            } else {
                compile_single(&invocation)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_output_replaces_the_last_two_bytes() {
        assert_eq!(default_output_path("a/b.py"), "a/b.mpy");
        assert_eq!(default_output_path("ok.txt"), "ok.tmpy");
        assert_eq!(default_output_path("x"), "mpy");
    }
}
