//! Behaviour corpus (`tests/programs/*.py`): each program, compiled by the oracle `mpy-cross` and
//! by our `mpy_cross::compile`, runs on the MicroPython 1.29 wasm VM and must print its `.expected`.
//!
//! The oracle side validates the corpus (all must pass). Our side is ratcheted
//! (`behaviour.ours_pass` in `tests/ratchet.toml`). `MPY_BLESS=1` rewrites every `.expected`
//! from the oracle side's output (review the diff: the VM is the authority, not CPython).

use mpy_tests::{
    behaviour_programs, compile_with_ours, oracle_compile, oracle_mpy_cross, oracle_wasm_vm,
    parallel_map, ratchet, run_on_wasm_vm_with, workspace_root, Output, Program, RunOptions,
};

/// The corpus must stay at least this big.
const MIN_PROGRAMS: usize = 170;
/// How many failing programs to list by name.
const SHOW_FAILURES: usize = 12;

/// The first line where `actual` and `expected` differ, for a short failure note.
fn first_difference(actual: &str, expected: &str) -> String {
    let mut a = actual.lines();
    let mut e = expected.lines();
    for line in 1.. {
        match (a.next(), e.next()) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                return format!(
                    "line {line}: got {:?}, expected {:?}",
                    x.unwrap_or("<end>"),
                    y.unwrap_or("<end>")
                )
            }
        }
    }
    unreachable!()
}

/// Per-program time limit on the VM (the slowest corpus program takes well under 1 s).
const TIMEOUT_MS: u64 = 5_000;
/// Batch budget for our side: bounds the cost if many of our programs hang.
const OURS_BUDGET_MS: u64 = 120_000;

/// Runs one side's compiled programs as one batch; `None` where the program did not compile.
fn run_side(
    side: &str,
    programs: &[Program],
    compiled: &[Result<Vec<u8>, String>],
    budget_ms: Option<u64>,
) -> Vec<Option<Output>> {
    let batch: Vec<(&str, &[u8])> = programs
        .iter()
        .zip(compiled)
        .filter_map(|(p, c)| {
            c.as_ref()
                .ok()
                .map(|bytes| (p.name.as_str(), bytes.as_slice()))
        })
        .collect();
    let options = RunOptions {
        timeout_ms: Some(TIMEOUT_MS),
        budget_ms,
        workers: None,
    };
    let started = std::time::Instant::now();
    let mut results = run_on_wasm_vm_with(&batch, &options).into_iter();
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "wasm VM ({side}): {} programs in {elapsed:.1} s ({:.1} ms per program, wall)",
        batch.len(),
        elapsed * 1000.0 / batch.len().max(1) as f64
    );
    compiled
        .iter()
        .map(|c| c.as_ref().ok().and_then(|_| results.next()))
        .collect()
}

#[test]
fn behaviour_corpus_on_wasm_vm() {
    if oracle_mpy_cross().is_none() || oracle_wasm_vm().is_none() {
        return;
    }
    let programs = behaviour_programs();
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "corpus shrank: {} programs < {MIN_PROGRAMS}",
        programs.len()
    );
    let source_name = |name: &str| format!("{name}.py");

    // Compile both sides (threads), then run each side as ONE Node batch.
    let oracle: Vec<Result<Vec<u8>, String>> = parallel_map(&programs, |p| {
        oracle_compile(&p.source, &source_name(&p.name), &[])
    });
    let ours: Vec<Result<Vec<u8>, String>> = parallel_map(&programs, |p| {
        let options = mpy_cross::CompileOptions {
            source_name: source_name(&p.name),
            ..Default::default()
        };
        compile_with_ours(&p.source, &options)
    });
    // The oracle side has no batch budget: our side's hangs must never eat into it.
    let oracle_runs = run_side("oracle", &programs, &oracle, None);
    let ours_runs = run_side("ours", &programs, &ours, Some(OURS_BUDGET_MS));

    let bless = std::env::var("MPY_BLESS").is_ok_and(|v| v == "1");
    let mut oracle_failures = Vec::new();
    let mut ours_failures = Vec::new();
    let (mut oracle_pass, mut ours_pass, mut ours_identical) = (0usize, 0usize, 0usize);
    for (i, p) in programs.iter().enumerate() {
        match (&oracle_runs[i], &oracle[i]) {
            (Some(run), _) if run.output == p.expected => oracle_pass += 1,
            (Some(run), _) => {
                if bless {
                    let path = workspace_root()
                        .join("tests/programs")
                        .join(format!("{}.expected", p.name));
                    std::fs::write(&path, &run.output).expect("bless .expected");
                }
                oracle_failures.push(format!(
                    "{}: {}",
                    p.name,
                    first_difference(&run.output, &p.expected)
                ));
            }
            (None, Err(e)) => {
                oracle_failures.push(format!("{}: oracle rejects it: {}", p.name, e.trim()))
            }
            (None, Ok(_)) => unreachable!("compiled programs are in the batch"),
        }
        match (&ours_runs[i], &ours[i]) {
            (Some(run), Ok(bytes)) => {
                if oracle[i].as_ref().is_ok_and(|o| o == bytes) {
                    ours_identical += 1;
                }
                if run.output == p.expected {
                    ours_pass += 1;
                } else {
                    ours_failures.push(format!(
                        "{} ({:?}): {}",
                        p.name,
                        run.status,
                        first_difference(&run.output, &p.expected)
                    ));
                }
            }
            (_, Err(e)) => ours_failures.push(format!("{}: compile error: {e}", p.name)),
            (None, Ok(_)) => unreachable!("compiled programs are in the batch"),
        }
    }

    let total = programs.len();
    println!("behaviour (oracle): pass {oracle_pass} / {total}");
    println!("behaviour (ours): pass {ours_pass} / {total} (byte-identical to the oracle: {ours_identical} / {total})");
    for failure in ours_failures.iter().take(SHOW_FAILURES) {
        println!("  ours failed: {failure}");
    }
    if ours_failures.len() > SHOW_FAILURES {
        println!("  ... and {} more", ours_failures.len() - SHOW_FAILURES);
    }

    if bless && !oracle_failures.is_empty() {
        println!(
            "MPY_BLESS=1: rewrote {} .expected files from the oracle run",
            oracle_failures.len()
        );
    } else {
        assert!(
            oracle_failures.is_empty(),
            "{} programs do not match their .expected when compiled by the ORACLE (the corpus is wrong):\n{}",
            oracle_failures.len(),
            oracle_failures.join("\n")
        );
    }
    let floor = ratchet("behaviour.ours_pass");
    assert!(
        ours_pass as u64 >= floor,
        "behaviour (ours) regressed: {ours_pass} passing < floor {floor} (tests/ratchet.toml behaviour.ours_pass)"
    );
    if ours_pass as u64 > floor {
        println!("ratchet: raise behaviour.ours_pass in tests/ratchet.toml to {ours_pass}");
    }
}
