//! mpy-format against the oracle: every stdlib file the oracle compiles (bytecode and native for
//! armv7m, xtensawin, x64) reads, validates, disassembles without unknown opcodes and writes back
//! byte-identical; truncated and bit-flipped files give located errors and never panic.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use mpy_format::disasm::{disassemble, validate};
use mpy_format::{MpyFile, RawCodeKind};

/// The flag sets the corpus is compiled under: (label, extra mpy-cross arguments).
const FLAG_SETS: &[(&str, &[&str])] = &[
    ("default", &[]),
    ("native armv7m", &["-X", "emit=native", "-march=armv7m"]),
    (
        "native xtensawin",
        &["-X", "emit=native", "-march=xtensawin"],
    ),
    ("native x64", &["-X", "emit=native", "-march=x64"]),
];

/// Oracle outputs per flag set: (source path, .mpy bytes), for the files the oracle accepts.
type Compiled = Vec<(&'static str, Vec<(PathBuf, Vec<u8>)>)>;

fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
}

/// Run `f` over `items` on all cores, collecting the results in order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads() {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(i, item);
                results.lock().unwrap().push((i, r));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn compile_corpus(oracle: &Path) -> Compiled {
    let corpus = mpy_tests::stdlib_corpus();
    let dir = std::env::temp_dir().join(format!("mpy-format-roundtrip-{}", std::process::id()));
    let mut compiled = Vec::new();
    for (set, (label, flags)) in FLAG_SETS.iter().enumerate() {
        let started = std::time::Instant::now();
        let set_dir = dir.join(set.to_string());
        std::fs::create_dir_all(&set_dir).unwrap();
        let outputs = parallel_map(&corpus, |i, src| {
            let out = set_dir.join(format!("{i}.mpy"));
            let status = Command::new(oracle)
                .args(*flags)
                .arg("-o")
                .arg(&out)
                .arg(src)
                .output()
                .ok()?;
            if !status.status.success() {
                return None;
            }
            let bytes = std::fs::read(&out).ok()?;
            Some((src.clone(), bytes))
        });
        let outputs: Vec<_> = outputs.into_iter().flatten().collect();
        eprintln!(
            "oracle {label}: compiled {} / {} stdlib files in {:.1} s",
            outputs.len(),
            corpus.len(),
            started.elapsed().as_secs_f64()
        );
        compiled.push((*label, outputs));
    }
    let _ = std::fs::remove_dir_all(&dir);
    compiled
}

fn compiled() -> Option<&'static Compiled> {
    static COMPILED: OnceLock<Option<Compiled>> = OnceLock::new();
    COMPILED
        .get_or_init(|| mpy_tests::oracle_mpy_cross().map(|oracle| compile_corpus(&oracle)))
        .as_ref()
}

struct Outcome {
    identical: bool,
    /// Validation failed only because of mpy-cross's 16-bit `prelude_offset` on >64 KiB native code.
    quirk: bool,
}

fn check_oracle_file(bytes: &[u8]) -> Result<Outcome, String> {
    let file = MpyFile::read(bytes).map_err(|e| format!("read: {e}"))?;
    let identical = file.write() == bytes;
    let text = disassemble(&file);
    // The disassembler's markers for undecodable bytes and unresolvable operands.
    // (Quoted strings start with `"`, so these cannot come from string constants.)
    let markers = [
        ": <unknown opcode",
        " <unknown static qstr>",
        " index out of range>",
        "  bad prelude:",
    ];
    if let Some(marker) = markers.iter().find(|m| text.contains(*m)) {
        return Err(format!("disassembly shows {marker:?}"));
    }
    let errors = validate(&file);
    let oversized_native = file
        .root
        .walk()
        .iter()
        .any(|rc| rc.kind == RawCodeKind::NativePy && rc.fun_data.len() > 0xffff);
    let quirk = oversized_native
        && !errors.is_empty()
        && errors.iter().all(|e| e.message.contains("low 16 bits"));
    if let (false, Some(err)) = (quirk, errors.first()) {
        return Err(format!("validate: {err}"));
    }
    Ok(Outcome { identical, quirk })
}

#[test]
fn oracle_files_round_trip_byte_identical() {
    let Some(compiled) = compiled() else { return };
    let mut failures = Vec::new();
    for (label, files) in compiled {
        assert!(!files.is_empty(), "{label}: the oracle compiled nothing");
        let results = parallel_map(files, |_, (_, bytes)| check_oracle_file(bytes));
        let identical = results
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|o| o.identical))
            .count();
        let clean = results
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|o| o.identical && !o.quirk))
            .count();
        let quirks = results
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|o| o.quirk))
            .count();
        println!(
            "round-trip {label}: identical {identical} / {n}; disassembled + validated clean {clean} / {n} \
             ({quirks} with >64 KiB native code whose prelude_offset mpy-cross truncates to 16 bits)",
            n = files.len()
        );
        for ((src, _), result) in files.iter().zip(&results) {
            match result {
                Err(e) => failures.push(format!("{label}: {}: {e}", src.display())),
                Ok(outcome) if !outcome.identical => {
                    failures.push(format!("{label}: {}: bytes differ", src.display()))
                }
                Ok(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap()).unwrap()
    }
}

#[derive(Default)]
struct Tally {
    inputs: usize,
    errors: usize,
    accepted: usize,
    panics: usize,
    bad_offsets: usize,
}

impl Tally {
    fn add(&mut self, other: &Self) {
        self.inputs += other.inputs;
        self.errors += other.errors;
        self.accepted += other.accepted;
        self.panics += other.panics;
        self.bad_offsets += other.bad_offsets;
    }
}

/// Read `data`; on success also disassemble and validate. Never may any of it panic.
fn check_corrupt(data: &[u8], tally: &mut Tally) {
    tally.inputs += 1;
    let outcome = std::panic::catch_unwind(|| match MpyFile::read(data) {
        Ok(file) => {
            let _ = disassemble(&file);
            let _ = validate(&file);
            let _ = file.write();
            None
        }
        Err(err) => Some(err.offset()),
    });
    match outcome {
        Err(_) => tally.panics += 1,
        Ok(None) => tally.accepted += 1,
        Ok(Some(offset)) => {
            tally.errors += 1;
            if offset > data.len() {
                tally.bad_offsets += 1;
            }
        }
    }
}

#[test]
fn corrupt_files_give_located_errors_and_never_panic() {
    let Some(compiled) = compiled() else { return };
    let started = std::time::Instant::now();
    std::panic::set_hook(Box::new(|_| {}));
    // Every 8th file of each flag set, 16 truncations and 8 bit-flipped copies each, on all cores.
    let samples: Vec<(usize, usize, &[u8])> = compiled
        .iter()
        .enumerate()
        .flat_map(|(set, (_, files))| {
            files
                .iter()
                .enumerate()
                .step_by(8)
                .map(move |(i, (_, bytes))| (set, i, bytes.as_slice()))
        })
        .collect();
    let tallies = parallel_map(&samples, |_, &(set, i, bytes)| {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (set as u64) << 32 ^ i as u64);
        let mut truncations = Tally::default();
        let mut flips = Tally::default();
        let mut accepted_prefixes = 0;
        for _ in 0..16 {
            let cut = rng.below(bytes.len());
            let before = truncations.errors;
            check_corrupt(&bytes[..cut], &mut truncations);
            // A strict prefix of a valid file can never be a valid file.
            if truncations.errors != before + 1 {
                accepted_prefixes += 1;
            }
        }
        for _ in 0..8 {
            let mut data = bytes.to_vec();
            for _ in 0..=rng.below(3) {
                let at = rng.below(data.len());
                data[at] ^= 1 << rng.below(8);
            }
            check_corrupt(&data, &mut flips);
        }
        (truncations, flips, accepted_prefixes)
    });
    let mut truncations = Tally::default();
    let mut total = Tally::default();
    let mut accepted_prefixes = 0;
    for (t, f, a) in tallies {
        truncations.add(&t);
        total.add(&f);
        accepted_prefixes += a;
    }
    let _ = std::panic::take_hook();
    println!(
        "truncations: {} inputs, {} errors, {} panics, {} bad offsets",
        truncations.inputs, truncations.errors, truncations.panics, truncations.bad_offsets
    );
    println!(
        "corrupt-input checks took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "bit flips: {} inputs, {} errors, {} still readable (disassembled + validated), {} panics, {} bad offsets",
        total.inputs, total.errors, total.accepted, total.panics, total.bad_offsets
    );
    assert_eq!(accepted_prefixes, 0, "truncated files were accepted");
    assert_eq!(truncations.panics + total.panics, 0);
    assert_eq!(truncations.bad_offsets + total.bad_offsets, 0);
}
