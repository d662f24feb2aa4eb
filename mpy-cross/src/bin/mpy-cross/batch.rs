//! Batch mode (beyond the reference): many files and directories in one run, compiled in parallel.

use crate::args::Invocation;
use crate::report;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Batches of at least this many files show a progress bar on a terminal.
const PROGRESS_BAR_THRESHOLD: usize = 32;

/// True when the invocation needs batch mode: several inputs, or a directory.
pub fn is_batch(invocation: &Invocation) -> bool {
    invocation.inputs.len() > 1 || invocation.inputs.iter().any(|i| Path::new(i).is_dir())
}

/// One file to compile.
struct Job {
    /// Where to read it.
    input: PathBuf,
    /// Its path relative to the input it came from, with `/` separators: the embedded source name.
    relative: String,
    /// Where to write the `.mpy`.
    output: PathBuf,
}

fn relative_name(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let trimmed = text.trim_start_matches("./");
    if path.is_absolute() {
        path.file_name()
            .map_or_else(|| trimmed.to_owned(), |n| n.to_string_lossy().into_owned())
    } else {
        trimmed.to_owned()
    }
}

fn with_mpy_extension(relative: &str) -> String {
    match relative.strip_suffix(".py") {
        Some(stem) => format!("{stem}.mpy"),
        None => format!("{relative}.mpy"),
    }
}

fn collect_directory(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_directory(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
    Ok(())
}

fn plan(invocation: &Invocation) -> Result<Vec<Job>, String> {
    let out_dir = invocation.output.as_ref().map(PathBuf::from);
    if out_dir.as_deref() == Some(Path::new("-")) {
        return Err("batch mode writes files: -o must name a directory, not -".into());
    }
    if invocation.source_name.is_some() {
        return Err(
            "-s applies to a single input; batch mode embeds each file's relative path".into(),
        );
    }
    let mut jobs = Vec::new();
    for input in &invocation.inputs {
        let input = Path::new(input);
        if input == Path::new("-") {
            return Err("stdin (-) cannot be part of a batch".into());
        }
        let (files, root): (Vec<PathBuf>, Option<&Path>) = if input.is_dir() {
            let mut files = Vec::new();
            collect_directory(input, &mut files)
                .map_err(|e| format!("{}: cannot read directory: {e}", input.display()))?;
            (files, Some(input))
        } else {
            (vec![input.to_path_buf()], None)
        };
        for file in files {
            let relative = match root {
                Some(root) => relative_name(file.strip_prefix(root).unwrap_or(&file)),
                None => relative_name(&file),
            };
            let output = match &out_dir {
                Some(dir) => dir.join(with_mpy_extension(&relative)),
                None => PathBuf::from(with_mpy_extension(&file.to_string_lossy())),
            };
            jobs.push(Job {
                input: file,
                relative,
                output,
            });
        }
    }
    Ok(jobs)
}

/// The outcome of one job.
enum Outcome {
    Written,
    Failed {
        source: Vec<u8>,
        error: mpy_cross::CompileError,
    },
    Io(String),
}

fn run_job(job: &Job, invocation: &Invocation) -> Outcome {
    let source = match std::fs::read(&job.input) {
        Ok(source) => source,
        Err(e) => return Outcome::Io(format!("{}: cannot read: {e}", job.input.display())),
    };
    let options = mpy_cross::CompileOptions {
        source_name: job.relative.clone(),
        ..invocation.options.clone()
    };
    match mpy_cross::compile(&source, &options) {
        Ok(mpy) => {
            if let Some(parent) = job.output.parent() {
                if let Err(e) = std::fs::create_dir_all(parent) {
                    return Outcome::Io(format!(
                        "{}: cannot create directory: {e}",
                        parent.display()
                    ));
                }
            }
            match crate::write_atomically(&job.output, &mpy) {
                Ok(()) => Outcome::Written,
                Err(e) => Outcome::Io(format!("{}: cannot write: {e}", job.output.display())),
            }
        }
        Err(error) => Outcome::Failed { source, error },
    }
}

/// Compile every file of the batch; report every error; summarise.
pub fn run(invocation: &Invocation) -> ExitCode {
    let jobs = match plan(invocation) {
        Ok(jobs) => jobs,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if invocation.jobs > 0 {
        builder = builder.num_threads(invocation.jobs);
    }
    let Ok(pool) = builder.build() else {
        eprintln!("cannot start worker threads");
        return ExitCode::FAILURE;
    };
    let progress = if jobs.len() >= PROGRESS_BAR_THRESHOLD && std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(jobs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let outcomes: Vec<Outcome> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let outcome = run_job(job, invocation);
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                outcome
            })
            .collect()
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut failed = 0;
    for (job, outcome) in jobs.iter().zip(&outcomes) {
        match outcome {
            Outcome::Written => {}
            Outcome::Failed { source, error } => {
                failed += 1;
                let input_name = job.input.to_string_lossy();
                let failure = report::Failure {
                    input_name: &input_name,
                    source_name: &job.relative,
                    source,
                    error,
                };
                report::print(&failure, invocation.error_format);
            }
            Outcome::Io(message) => {
                failed += 1;
                eprintln!("{message}");
            }
        }
    }
    let total = jobs.len();
    eprintln!(
        "mpy-cross: compiled {} of {total} files; {failed} failed",
        total - failed
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
