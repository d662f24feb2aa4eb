//! Compile-speed benchmark: our `mpy-cross` against the reference, printed as ratios.
//!
//! `cargo bench -p mpy-cross --bench compile_speed` (add `-- --quick` to skip the reference's
//! multi-minute run on the large module). Three workloads:
//! 1. a generated 1.9 MB module of 40,000 small functions — the reference is quadratic here
//!    (about 90 s, and it needs `-X heapsize=512m`);
//! 2. a typical 20 KB module;
//! 3. the whole CPython standard-library corpus: the reference as one process per file (how
//!    build systems call it), ours in batch mode (one process, all cores).
//!
//! Times are wall-clock; each figure is the best of a few runs. No assertion is made: the
//! numbers are for people to read. On a loaded machine the growth ratios are noisy; for an
//! exact linearity check count instructions instead, e.g.
//! `valgrind --tool=callgrind target/release/mpy-cross big.py` for 10k/20k/40k functions.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// `n` small functions, each with a docstring-free body, a loop and a call: ~48 bytes each.
fn generated_module(functions: usize) -> String {
    let mut source = String::with_capacity(functions * 48);
    for i in 0..functions {
        source.push_str(&format!("def f{i}(a, b=1):\n    return a * {i} + b\n"));
    }
    source
}

/// A typical application module of about 20 KB: classes, comprehensions, f-strings, try blocks.
fn typical_module() -> String {
    let mut source =
        String::from("import time\nfrom micropython import const\nLIMIT = const(10)\n");
    let mut i = 0;
    while source.len() < 20_000 {
        source.push_str(&format!(
            "class Sensor{i}:\n    def __init__(self, pin, scale=1.0):\n        self.pin = pin\n        self.scale = scale\n        self.samples = []\n\n    def read(self):\n        try:\n            value = self.pin.value() * self.scale\n        except OSError as e:\n            print(f\"sensor {i} failed: {{e}}\")\n            return None\n        self.samples.append(value)\n        if len(self.samples) > LIMIT:\n            self.samples.pop(0)\n        return value\n\n    def average(self):\n        return sum(s for s in self.samples if s is not None) / max(1, len(self.samples))\n\n\n"
        ));
        i += 1;
    }
    source
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn run_reference(oracle: &Path, args: &[&str], input: &Path, output: &Path) -> bool {
    Command::new(oracle)
        .args(args)
        .arg("-o")
        .arg(output)
        .arg(input)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn compile_ours(source: &[u8], name: &str) -> bool {
    let options = mpy_cross::CompileOptions {
        source_name: name.to_owned(),
        ..Default::default()
    };
    mpy_cross::compile(source, &options).is_ok()
}

fn report(label: &str, ours: Duration, reference: Option<Duration>) {
    match reference {
        Some(reference) => println!(
            "{label:<44} ours {:>9.3} s   reference {:>9.3} s   speed-up x{:.1}",
            ours.as_secs_f64(),
            reference.as_secs_f64(),
            reference.as_secs_f64() / ours.as_secs_f64().max(1e-9)
        ),
        None => println!(
            "{label:<44} ours {:>9.3} s   reference (skipped)",
            ours.as_secs_f64()
        ),
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let oracle = mpy_tests::oracle_mpy_cross();
    let scratch = std::env::temp_dir().join(format!("mpy-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    let out = scratch.join("out.mpy");

    // 1. Large generated module, and a check that our time grows linearly with its size.
    let mut previous: Option<(usize, Duration)> = None;
    for functions in [10_000, 20_000, 40_000] {
        let source = generated_module(functions);
        let ours = best_of(3, || assert!(compile_ours(source.as_bytes(), "big.py")));
        let label = format!(
            "generated, {functions} functions ({} KB)",
            source.len() / 1024
        );
        let reference = (functions == 40_000 && !quick)
            .then_some(())
            .and(oracle.as_ref())
            .map(|oracle| {
                let path = scratch.join("big.py");
                std::fs::write(&path, &source).expect("write");
                best_of(1, || {
                    assert!(run_reference(oracle, &["-X", "heapsize=512m"], &path, &out))
                })
            });
        report(&label, ours, reference);
        if let Some((n, t)) = previous {
            println!(
                "{:<44} x{:.2} time for x{:.1} size (linear = x{:.1})",
                "  growth",
                ours.as_secs_f64() / t.as_secs_f64().max(1e-9),
                functions as f64 / n as f64,
                functions as f64 / n as f64
            );
        }
        previous = Some((functions, ours));
    }

    // 2. A typical 20 KB module.
    let source = typical_module();
    let path = scratch.join("typical.py");
    std::fs::write(&path, &source).expect("write");
    let ours = best_of(10, || {
        assert!(compile_ours(source.as_bytes(), "typical.py"))
    });
    let reference = oracle
        .as_ref()
        .map(|oracle| best_of(10, || assert!(run_reference(oracle, &[], &path, &out))));
    report(
        &format!("typical module ({} KB), in-process", source.len() / 1024),
        ours,
        reference,
    );
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/mpy-cross");
    if binary.exists() {
        let ours_process = best_of(10, || {
            assert!(run_reference(&binary, &[], &path, &out));
        });
        report("typical module, one process each", ours_process, reference);
    }

    // 3. The standard-library corpus.
    let corpus = mpy_tests::stdlib_corpus();
    let sources: Vec<(String, Vec<u8>)> = corpus
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    let ours = best_of(2, || {
        use rayon::prelude::*;
        sources.par_iter().for_each(|(name, source)| {
            let _ = compile_ours(source, name);
        });
    });
    let reference = oracle.as_ref().filter(|_| !quick).map(|oracle| {
        best_of(1, || {
            for path in &corpus {
                let _ = run_reference(oracle, &[], path, &out);
            }
        })
    });
    report(
        &format!(
            "stdlib corpus ({} files), batch vs per-process",
            corpus.len()
        ),
        ours,
        reference,
    );
    let _ = std::fs::remove_dir_all(&scratch);
}
