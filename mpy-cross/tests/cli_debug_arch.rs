//! `mpy-cross -march=debug` against the reference binary: the native emitter's text trace on
//! stdout (`ENTRY(f, num_locals=3)`, `    call_ind(binary_op)`, `label(label_0)`, `EXIT(0)`) and
//! the `.mpy` file (arch DEBUG, prelude-only machine code) must be identical, for the snippet
//! corpus `tests/native/*.py` (decorators alone, `-X emit=native` and `-X emit=viper`) and a few
//! programs written for the trace (qualified names, dead code, a raise midway, `-o -`).
//!
//! Where the reference aborts on an emitter assert (SIGABRT, viper code) the trace printed up to
//! that point must match, and we must exit 1 with a `ViperTypeError`. The inline-assembler
//! snippets are left out: the reference reads past its assembler table for this arch and crashes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const OURS: &str = env!("CARGO_BIN_EXE_mpy-cross");

/// Programs that exercise the trace itself.
const PROGRAMS: &[(&str, &str)] = &[
    (
        "qualified.py",
        "class A:\n    class B:\n        @micropython.native\n        def m(self, x):\n            return [y for y in x]\n    @micropython.viper\n    def v(self, n: int) -> int:\n        return n << 2\ndef outer():\n    @micropython.native\n    def inner(a, *b, **c):\n        return lambda: a\n    return inner\n",
    ),
    (
        "dead_code.py",
        "@micropython.native\ndef f(x):\n    while True:\n        if x:\n            return 1\n        else:\n            break\n        x += 1\n    raise ValueError\n    return 2\n",
    ),
    (
        "raise_from.py",
        "@micropython.native\ndef ok(a):\n    return a * 2\n@micropython.native\ndef bad(a):\n    raise ValueError from a\n@micropython.native\ndef never(a):\n    return a\n",
    ),
    (
        "ptrs.py",
        "@micropython.viper\ndef p(b: ptr8, h: ptr16, w: ptr32, i: int, u: uint) -> int:\n    x = b[0] + b[5] + h[0] + h[7] + w[0] + w[9] + b[i] + h[i] + w[i]\n    b[0] = x\n    b[3] = x\n    h[4] = x\n    w[6] = x\n    b[i] = x\n    h[i] = x\n    w[i] = x\n    y = int(u > 3) + int(u <= 4) + int(i == 2) + int(i != 2) + (~i) + (-i)\n    return x + y\n",
    ),
    (
        "generator.py",
        "@micropython.native\ndef g(n):\n    try:\n        for i in range(n):\n            yield i\n    finally:\n        print('done')\n@micropython.native\nasync def co(x):\n    async with x as y:\n        await y\n",
    ),
];

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mpy-cli-debug-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(binary: &Path, dir: &Path, args: &[&str]) -> Output {
    Command::new(binary)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run mpy-cross")
}

/// (exit code, stdout, stderr, output file) of one binary.
type Outcome = (Option<i32>, Vec<u8>, String, Option<Vec<u8>>);

fn outcome(binary: &Path, dir: &Path, name: &str, source: &[u8], extra: &[&str]) -> Outcome {
    std::fs::write(dir.join(name), source).expect("write input");
    let _ = std::fs::remove_file(dir.join("out.mpy"));
    let mut args = vec!["-march=debug"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[name, "-o", "out.mpy"]);
    let output = run(binary, dir, &args);
    let file = std::fs::read(dir.join("out.mpy")).ok();
    (
        output.status.code(),
        output.stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
        file,
    )
}

/// The reference died on a failed `assert` (SIGABRT: no exit code).
fn aborted(outcome: &Outcome) -> bool {
    outcome.0.is_none() && outcome.2.contains("Assertion `")
}

/// Whether our outcome is the reference's: identical, or (where the reference aborted on an
/// assert) the same trace and a `ViperTypeError` from us.
fn matches(ours: &Outcome, reference: &Outcome) -> bool {
    if aborted(reference) {
        return ours.0 == Some(1) && ours.1 == reference.1 && ours.2.contains("ViperTypeError");
    }
    ours == reference
}

#[test]
fn debug_arch_trace_and_file_match_the_reference() {
    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        return;
    };
    let snippets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/native");
    let mut sources: Vec<(String, Vec<u8>)> = std::fs::read_dir(&snippets)
        .expect("tests/native exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            // `@micropython.asm_*` with -march=debug: the reference indexes its inline-assembler
            // table (12 entries) with arch 13 and crashes; we refuse with "invalid arch".
            if name.starts_with("asm_") {
                return None;
            }
            let source = std::fs::read(&p).ok()?;
            Some((name, source))
        })
        .collect();
    sources.sort();
    assert!(sources.len() >= 10, "expected the native snippet files");
    sources.extend(
        PROGRAMS
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec())),
    );

    let (dir_ours, dir_ref) = (scratch("ours"), scratch("ref"));
    let mut cases = 0;
    let mut traced_lines = 0;
    let mut n_aborted = 0;
    let mut differences = Vec::new();
    for (name, source) in &sources {
        for extra in [&[][..], &["-X", "emit=native"], &["-X", "emit=viper"]] {
            cases += 1;
            let ours = outcome(Path::new(OURS), &dir_ours, name, source, extra);
            let reference = outcome(&oracle, &dir_ref, name, source, extra);
            traced_lines += reference.1.iter().filter(|&&b| b == b'\n').count();
            n_aborted += usize::from(aborted(&reference));
            if !matches(&ours, &reference) {
                let first_difference = String::from_utf8_lossy(&ours.1)
                    .lines()
                    .zip(String::from_utf8_lossy(&reference.1).lines())
                    .enumerate()
                    .find(|(_, (a, b))| a != b)
                    .map(|(i, (a, b))| format!("line {}: ours `{a}`, reference `{b}`", i + 1))
                    .unwrap_or_default();
                differences.push(format!(
                    "{name} {extra:?}: exit {:?} vs {:?}; stdout {} vs {} bytes {first_difference}; stderr {:?} vs {:?}; file same: {}",
                    ours.0,
                    reference.0,
                    ours.1.len(),
                    reference.1.len(),
                    ours.2.lines().last(),
                    reference.2.lines().last(),
                    ours.3 == reference.3
                ));
            }
        }
    }

    // `-o -`: the trace, then the .mpy bytes, on stdout.
    let (name, source) = PROGRAMS[0];
    for dir in [&dir_ours, &dir_ref] {
        std::fs::write(dir.join(name), source).expect("write input");
    }
    let args = ["-march=debug", name, "-o", "-"];
    let ours = run(Path::new(OURS), &dir_ours, &args);
    let reference = run(&oracle, &dir_ref, &args);
    cases += 1;
    if (ours.status.code(), &ours.stdout) != (reference.status.code(), &reference.stdout) {
        differences.push(format!("{name} -o -: stdout differs"));
    }

    let _ = std::fs::remove_dir_all(&dir_ours);
    let _ = std::fs::remove_dir_all(&dir_ref);
    println!(
        "-march=debug: same as the reference {} / {cases} ({traced_lines} trace lines; {n_aborted} where the reference aborts)",
        cases - differences.len()
    );
    assert!(
        traced_lines > 10_000,
        "the corpus should produce a long trace"
    );
    assert!(
        differences.is_empty(),
        "differences:\n{}",
        differences.join("\n")
    );
}
