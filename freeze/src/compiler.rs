//! The single place where freeze turns Python source into `.mpy` bytes.
//!
//! [`Compiler::Library`] is the production path: the workspace's `mpy-cross` library, in
//! process ([`mpy_cross::compile`]). [`Compiler::External`] runs an `mpy-cross` executable
//! (the CLI's `--mpy-cross PATH`); the tests use it with the pinned reference binary so that
//! freeze's own tests do not depend on the compiler's progress. Freeze keeps its own
//! [`CompileOptions`] (the subset freezing passes through) and maps it field by field.

use std::path::PathBuf;
use std::process::Command;

use mpy_format::Arch;

use crate::error::{Error, Result};

/// The compiler options freezing passes through (`-O`, `-march`, `-msmall-int-bits`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// The source name stored as qstr 0 (the frozen module name, e.g. `pkg/mod.py`).
    pub source_name: String,
    /// `-O<n>`.
    pub optimize: u8,
    /// `-msmall-int-bits=N` (default 31).
    pub small_int_bits: u8,
    /// `-march=`; `None` when not given.
    pub arch: Option<Arch>,
    /// `-march-flags=` bits (rv32imc: bit 0 zba, bit 1 zcmp).
    pub arch_flags: u32,
}

impl Default for CompileOptions {
    fn default() -> Self {
        Self {
            source_name: String::new(),
            optimize: 0,
            small_int_bits: 31,
            arch: None,
            arch_flags: 0,
        }
    }
}

/// How `.py` sources are compiled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Compiler {
    /// The workspace's `mpy-cross` library, in process.
    #[default]
    Library,
    /// An external `mpy-cross` executable (the reference binary in tests).
    External(PathBuf),
}

impl Compiler {
    /// Compile `source` with `options`; `options.source_name` is stored as qstr 0 and names the
    /// file in errors.
    ///
    /// # Errors
    /// The compiler's message (e.g. `SyntaxError`) with the source name and line when known.
    pub fn compile_py(&self, source: &[u8], options: &CompileOptions) -> Result<Vec<u8>> {
        match self {
            Self::Library => {
                let lib_options = mpy_cross::CompileOptions {
                    source_name: options.source_name.clone(),
                    optimize: options.optimize,
                    small_int_bits: options.small_int_bits,
                    arch: options.arch,
                    arch_flags: options.arch_flags,
                    ..mpy_cross::CompileOptions::default()
                };
                mpy_cross::compile(source, &lib_options).map_err(|e| Error {
                    path: Some(PathBuf::from(&options.source_name)),
                    line: (e.line > 0).then_some(e.line),
                    message: e.to_string(),
                })
            }
            Self::External(binary) => compile_external(binary, source, options),
        }
    }
}

/// Run an external `mpy-cross` on a temporary copy of `source` named after `source_name`.
fn compile_external(binary: &PathBuf, source: &[u8], options: &CompileOptions) -> Result<Vec<u8>> {
    let name = &options.source_name;
    let dir = tempdir()
        .map_err(|e| Error::at(name, format!("cannot create a temporary directory: {e}")))?;
    let input = dir.join("input.py");
    let output = dir.join("output.mpy");
    let result = (|| {
        std::fs::write(&input, source).map_err(|e| Error::io(&input, &e))?;
        let mut cmd = Command::new(binary);
        cmd.arg("-o").arg(&output).arg("-s").arg(name);
        if options.optimize > 0 {
            cmd.arg(format!("-O{}", options.optimize));
        }
        if options.small_int_bits != 31 {
            cmd.arg(format!("-msmall-int-bits={}", options.small_int_bits));
        }
        if let Some(arch) = options.arch {
            cmd.arg(format!("-march={}", arch.name()));
        }
        if options.arch_flags != 0 {
            let mut flags = Vec::new();
            if options.arch_flags & 1 != 0 {
                flags.push("zba");
            }
            if options.arch_flags & 2 != 0 {
                flags.push("zcmp");
            }
            cmd.arg(format!("-march-flags={}", flags.join(",")));
        }
        cmd.arg(&input);
        let out = cmd.output().map_err(|e| Error::io(binary, &e))?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let (line, message) = parse_traceback(&stderr);
            return Err(Error {
                path: Some(PathBuf::from(name)),
                line,
                message,
            });
        }
        std::fs::read(&output).map_err(|e| Error::io(&output, &e))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The line and last message line of an mpy-cross traceback.
fn parse_traceback(stderr: &str) -> (Option<u32>, String) {
    let line = stderr.lines().find_map(|l| {
        let rest = &l[l.find(", line ")? + 7..];
        rest.split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    });
    let message = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("mpy-cross failed")
        .trim();
    (line, message.to_string())
}

/// A fresh private directory under the system temporary directory.
fn tempdir() -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mpy-freeze-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
