//! One differential pass of our compiler against the oracle `mpy-cross` over a list of files
//! (the standard-library tests in `tests/compiler_stdlib.rs` and `tests/native_stdlib.rs` run it
//! once per flag set or architecture).
//!
//! Per file: where the oracle compiles, our bytes must be identical; where it rejects the
//! file, we must reject it with the same exception class and line. Where the reference
//! crashes (a memory fault) or aborts on an emitter assert, any located error of ours counts
//! as a match (we give a clear error where the reference misbehaves). Deliberate refusals are
//! decided by the caller's `allowed` rule.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use mpy_cross::CompileOptions;

use crate::OracleResult;

/// The outcome of one pass.
#[derive(Default, Debug)]
pub struct Tally {
    /// Files the oracle compiled.
    pub compiled: usize,
    /// ... and we wrote identical bytes.
    pub identical: usize,
    /// Files the oracle compiled that we refuse on purpose (the caller's `allowed` rule).
    pub allowed: usize,
    /// Files the oracle rejected.
    pub rejected: usize,
    /// ... and we rejected the same way (or with a located error where it crashed or aborted).
    pub errors_match: usize,
    /// Files the reference crashed on, with the error we gave instead (sorted).
    pub reference_crashed: Vec<String>,
    /// One line per file that does not match (sorted).
    pub mismatches: Vec<String>,
}

impl Tally {
    /// Files accounted for: identical, same error, or deliberately refused.
    pub fn matched(&self) -> usize {
        self.identical + self.errors_match + self.allowed
    }
}

impl Tally {
    /// Prints the first `shown` mismatches and every file the reference crashed on, and
    /// appends every mismatch to `report` as `[label] ...` lines.
    pub fn print_details(&self, label: &str, shown: usize, report: &mut String) {
        for m in self.mismatches.iter().take(shown) {
            println!("    {m}");
        }
        for c in &self.reference_crashed {
            println!("    reference crashed; ours: {c}");
        }
        for m in &self.mismatches {
            report.push_str(&format!("[{label}] {m}\n"));
        }
    }
}

/// The files a differential test compiles, and where.
pub struct Corpus {
    /// The files (the standard library, or its first `MPY_STDLIB_LIMIT` files).
    pub files: Vec<PathBuf>,
    /// They are named relative to this, as `-s` would name them.
    pub root: PathBuf,
    /// The oracle `mpy-cross`.
    pub cross: PathBuf,
    /// A scratch directory for the oracle's outputs (removed on drop).
    pub scratch: PathBuf,
}

impl Corpus {
    /// The standard library (first `MPY_STDLIB_LIMIT` files), or None when the oracle is
    /// missing outside CI.
    pub fn stdlib(label: &str) -> Option<Corpus> {
        let cross = crate::oracle_mpy_cross()?;
        Some(Corpus {
            files: limited_stdlib_corpus(),
            root: crate::stdlib_dir(),
            cross,
            scratch: crate::scratch_dir(label),
        })
    }

    /// One pass: see [`run_pass`].
    pub fn pass(
        &self,
        oracle_args: &[String],
        options: &CompileOptions,
        allowed: &(dyn Fn(&str, &str) -> bool + Sync),
    ) -> Tally {
        run_pass(
            &self.files,
            &self.root,
            &self.cross,
            &self.scratch,
            oracle_args,
            options,
            allowed,
        )
    }
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// One pass: every file of `files` (named relative to `root`, as `-s` would name it) through
/// the oracle with `oracle_args` and through our compiler with `options` (its `source_name`
/// is set per file). `allowed(name, our_error)` says whether our refusal of a file the oracle
/// compiles is deliberate. Runs on up to four threads with large stacks.
pub fn run_pass(
    files: &[PathBuf],
    root: &Path,
    cross: &Path,
    scratch: &Path,
    oracle_args: &[String],
    options: &CompileOptions,
    allowed: &(dyn Fn(&str, &str) -> bool + Sync),
) -> Tally {
    let tally = Mutex::new(Tally::default());
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    std::thread::scope(|s| {
        for worker in 0..workers {
            let (tally, next) = (&tally, &next);
            std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn_scoped(s, move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let name = relative_name(path, root);
                    let out = scratch.join(format!("w{worker}.mpy"));
                    let oracle = crate::run_oracle_file(cross, path, &name, oracle_args, &out);
                    let source = std::fs::read(path).unwrap_or_default();
                    let file_options = CompileOptions {
                        source_name: name.clone(),
                        ..options.clone()
                    };
                    let ours = crate::compile_with_ours(&source, &file_options);
                    let mut t = tally
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    record(&mut t, &name, oracle, ours, allowed);
                })
                .expect("spawn worker");
        }
    });
    let mut t = tally
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    t.mismatches.sort();
    t.reference_crashed.sort();
    t
}

/// Adds one file's outcome to `t`.
fn record(
    t: &mut Tally,
    name: &str,
    oracle: OracleResult,
    ours: Result<Vec<u8>, String>,
    allowed: &(dyn Fn(&str, &str) -> bool + Sync),
) {
    match oracle {
        OracleResult::Compiled(expected) => {
            t.compiled += 1;
            match ours {
                Ok(bytes) if bytes == expected => t.identical += 1,
                Ok(bytes) => t.mismatches.push(format!(
                    "{name}: bytes differ ({} vs oracle {})",
                    bytes.len(),
                    expected.len()
                )),
                Err(e) if allowed(name, &e) => t.allowed += 1,
                Err(e) => t
                    .mismatches
                    .push(format!("{name}: we reject, oracle compiles: {e}")),
            }
        }
        OracleResult::Rejected {
            class,
            line,
            text,
            crashed,
        } => {
            t.rejected += 1;
            let last = text.lines().last().unwrap_or("");
            // An emitter assert: "mpy-cross: ../py/emitnative.c:N: func: Assertion `expr' failed."
            let asserted = last
                .split_once(".c:")
                .and_then(|(_, rest)| rest.split_once(": "))
                .is_some_and(|(_, what)| what.contains("Assertion `"));
            match ours {
                Err(e) if crashed && !e.ends_with("(line 0)") => {
                    t.errors_match += 1;
                    t.reference_crashed.push(format!("{name}: {e}"));
                }
                Err(e)
                    if asserted && e.starts_with("ViperTypeError:") && !e.ends_with("(line 0)") =>
                {
                    t.errors_match += 1;
                }
                Err(e) if e.starts_with(&class) && e.contains(&format!("(line {line})")) => {
                    t.errors_match += 1;
                }
                Err(e) => t.mismatches.push(format!(
                    "{name}: error differs: ours {e}; oracle {last} line {line}"
                )),
                Ok(_) => t.mismatches.push(format!(
                    "{name}: we compile, oracle rejects: {last} line {line}"
                )),
            }
        }
    }
}

/// A file's path relative to `root` with `/` separators: the `-s` name both compilers get.
pub fn relative_name(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The files of the corpus, or the first `MPY_STDLIB_LIMIT` of them.
pub fn limited_stdlib_corpus() -> Vec<PathBuf> {
    let mut files = crate::stdlib_corpus();
    if let Some(limit) = std::env::var("MPY_STDLIB_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        files.truncate(limit);
    }
    files
}
