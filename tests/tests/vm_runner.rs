//! The wasm VM batch runner itself (`tests/node/run-mpy.mjs` via `run_on_wasm_vm_with`): output
//! capture, tracebacks, isolation between programs, hangs, and files the VM rejects.

use mpy_tests::{
    oracle_compile, oracle_mpy_cross, oracle_wasm_vm, run_on_wasm_vm_with, RunOptions, RunStatus,
};

fn compile(source: &str, name: &str) -> Vec<u8> {
    oracle_compile(source.as_bytes(), &format!("{name}.py"), &[]).expect("oracle compiles")
}

#[test]
fn runner_reports_output_exceptions_hangs_and_isolation() {
    if oracle_mpy_cross().is_none() || oracle_wasm_vm().is_none() {
        return;
    }
    let programs = vec![
        (
            "plain",
            compile(
                "import sys\nprint('out', end='')\nprint('-err', file=sys.stderr)\n",
                "plain",
            ),
        ),
        (
            "raises",
            compile(
                "def f():\n    raise ValueError('bad')\nprint('before')\nf()\n",
                "raises",
            ),
        ),
        (
            "leaky",
            compile(
                "import sys\nsys.modules['planted'] = sys\nprint('set')\n",
                "leaky",
            ),
        ),
        (
            "isolated",
            compile(
                "import sys\nprint('planted' in sys.modules, 'leaky' in sys.modules)\n",
                "isolated",
            ),
        ),
        (
            "hangs",
            compile("print('spin')\nwhile True:\n    pass\n", "hangs"),
        ),
        ("garbage", b"M\x06\x00\x1f\xff\xff\xff".to_vec()),
        ("after", compile("print(__name__)\n", "after")),
    ];
    let options = RunOptions {
        timeout_ms: Some(1_500),
        budget_ms: None,
        workers: Some(2),
    };
    let results = run_on_wasm_vm_with(&programs, &options);
    for r in &results {
        println!(
            "{:<9} {:?} {} ms {:?}",
            r.name, r.status, r.millis, r.output
        );
    }
    assert_eq!(results[0].status, RunStatus::Ok);
    assert_eq!(results[0].output, "out-err\n");
    assert_eq!(results[1].status, RunStatus::Exception);
    assert_eq!(
        results[1].output,
        "before\nTraceback (most recent call last):\n  File \"raises.py\", line 4, in <module>\n  \
         File \"raises.py\", line 2, in f\nValueError: bad\n"
    );
    assert_eq!(results[2].output, "set\n");
    assert_eq!(
        results[3].output, "False False\n",
        "state leaked between programs"
    );
    assert_eq!(results[4].status, RunStatus::Timeout);
    assert!(
        results[4].output.starts_with("spin\n<timeout: "),
        "a hung program keeps its output so far"
    );
    assert!(
        results[5].status != RunStatus::Ok,
        "a corrupt .mpy must not run"
    );
    assert_eq!(
        (results[6].status, results[6].output.as_str()),
        (RunStatus::Ok, "after\n")
    );
}

/// Randomly corrupted `.mpy` files (a fixed-seed LCG flips bytes) must each come back with a
/// result (ok, exception, timeout or crash, e.g. a wasm "memory access out of bounds"), and never
/// take the runner down.
#[test]
fn runner_survives_corrupt_bytecode() {
    if oracle_mpy_cross().is_none() || oracle_wasm_vm().is_none() {
        return;
    }
    let source = "class P:\n    def __init__(self, x):\n        self.x = x\n\n    def twice(self):\n        \
                  return [self.x] * 2\n\n\nprint(P(3).twice(), {'k': 'v'}['k'], 2 ** 70)\n";
    let base = compile(source, "fuzzed");
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).expect("31-bit value fits")
    };
    let mutants: Vec<(&str, Vec<u8>)> = (0..40)
        .map(|_| {
            let mut bytes = base.clone();
            for _ in 0..=next() % 4 {
                let at = 4 + next() % (bytes.len() - 4);
                bytes[at] = u8::try_from(next() % 256).expect("byte");
            }
            ("fuzzed", bytes)
        })
        .collect();
    let options = RunOptions {
        timeout_ms: Some(1_000),
        budget_ms: Some(30_000),
        workers: Some(2),
    };
    let results = run_on_wasm_vm_with(&mutants, &options);
    let count = |status| results.iter().filter(|r| r.status == status).count();
    println!(
        "corrupt .mpy: ok {}, exception {}, timeout {}, crash {} (of {})",
        count(RunStatus::Ok),
        count(RunStatus::Exception),
        count(RunStatus::Timeout),
        count(RunStatus::Crash),
        results.len()
    );
    assert_eq!(results.len(), mutants.len());
    assert!(results.iter().all(|r| r.name == "fuzzed"));
}
