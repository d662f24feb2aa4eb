//! The Cortex-M firmware example (examples/firmware-mps2) built for thumbv7m-none-eabi and run
//! on QEMU's mps2-an385: its own app must print `expected.txt`, and the behaviour corpus
//! (`tests/programs`), frozen into one image linked into the same firmware, must print each
//! program's `.expected` output when the firmware is told to run that module.
//!
//! One test builds both firmwares in turn (they share a target directory). It prints the flash
//! and RAM use (`firmware-size`'s report), the stack statistics the firmware prints, and
//! `qemu (image): identical N / M`, and checks N against the `runtime.qemu_identical` floor of
//! tests/ratchet.toml. qemu-system-arm and the thumbv7m-none-eabi target come from
//! tests/oracle/provision.sh; under CI=true a missing one fails the test.

use freeze::firmware_size;
mod common;

use common::image::{compile_ours, expected_when_frozen, freeze};
use mpy_format::model::MpyFile;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Python heap of the firmware that runs the behaviour corpus (the app runs in the default
/// 8 KB); `MPY_QEMU_HEAP=bytes` overrides it to see what a smaller board would run.
fn corpus_heap() -> usize {
    std::env::var("MPY_QEMU_HEAP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64 * 1024)
}

/// Whether `program --version` runs.
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether qemu-system-arm and the thumbv7m-none-eabi target are there (a failure under CI=true).
fn tools_present() -> bool {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("thumbv7m-none-eabi"));
    if have("qemu-system-arm") && installed {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "qemu-system-arm or the thumbv7m-none-eabi target is missing (CI=true): run tests/oracle/provision.sh"
    );
    eprintln!("skipping: qemu-system-arm or the thumbv7m-none-eabi target is missing");
    false
}

/// `(module name, source name, source)` compiled by our compiler and frozen into one image
/// (sources that do not compile are left out).
fn freeze_sources(sources: &[(String, String, Vec<u8>)]) -> Vec<u8> {
    let models: Vec<(String, MpyFile)> = sources
        .iter()
        .filter_map(|(name, source_name, source)| {
            Some((format!("{name}.py"), compile_ours(source_name, source)?))
        })
        .collect();
    freeze(&models).0
}

/// The firmware environment for a nested cargo: the variables cargo sets for this test process
/// (CARGO_*, RUSTC*, the jobserver) are removed so the nested build is what a user's would be.
fn clean_cargo(dir: &Path) -> Command {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    for (key, _) in std::env::vars_os() {
        let key_text = key.to_string_lossy();
        if (key_text.starts_with("CARGO") && key_text != "CARGO_HOME")
            || key_text.starts_with("RUSTC")
            || key_text.starts_with("RUSTDOC")
            || key_text == "RUSTFLAGS"
            || key_text == "MAKEFLAGS"
            || key_text == "MFLAGS"
            || key_text == "OUT_DIR"
        {
            cargo.env_remove(&key);
        }
    }
    cargo.current_dir(dir).stdin(Stdio::null());
    cargo
}

/// Builds the firmware around `image` with a `heap`-byte Python heap and extra cargo
/// arguments (feature selection); returns the ELF path.
fn build_firmware(image: &[u8], heap: usize, out: &Path, cargo_args: &[&str]) -> PathBuf {
    let example = mpy_tests::workspace_root().join("examples/firmware-mps2");
    std::fs::create_dir_all(out).expect("firmware output directory");
    let image_path = out.join("frozen.bin");
    std::fs::write(&image_path, image).expect("write image");
    let build = clean_cargo(&example)
        .args(["build", "--quiet", "--release"])
        .args(cargo_args)
        .env("MPY_FROZEN_IMAGE", &image_path)
        .env("MPY_HEAP_SIZE", heap.to_string())
        .env("CARGO_TARGET_DIR", out.join("build"))
        .output()
        .expect("cargo runs");
    assert!(
        build.status.success(),
        "firmware build failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    out.join("build/thumbv7m-none-eabi/release/runtime-min-firmware")
}

/// `runtime-min/tests/firmware/<file>` frozen alone as module `main` into the firmware built
/// with a `heap`-byte Python heap and `cargo_args` under `target/firmware/<out>`: the ELF and
/// the program's source.
fn build_firmware_program(
    file: &str,
    heap: usize,
    out: &str,
    cargo_args: &[&str],
) -> (PathBuf, Vec<u8>) {
    let root = mpy_tests::workspace_root();
    let source = std::fs::read(root.join("runtime-min/tests/firmware").join(file)).expect(file);
    let program = [("main".to_string(), file.to_string(), source)];
    let out = root.join("target/firmware").join(out);
    let elf = build_firmware(&freeze_sources(&program), heap, &out, cargo_args);
    let [(_, _, source)] = program;
    (elf, source)
}

/// Runs module `module` of the firmware `elf` under QEMU (empty: boot `main` as `__main__`):
/// (UART output, exit code).
fn run_qemu(elf: &Path, module: &str) -> (String, Option<i32>) {
    run_qemu_typing(elf, module, b"")
}

/// [`run_qemu`] with `keys` typed into the UART. QEMU's console escape key is moved from
/// Ctrl-A (which readline uses) to Ctrl-T.
fn run_qemu_typing(elf: &Path, module: &str, keys: &[u8]) -> (String, Option<i32>) {
    let mut qemu = Command::new("timeout")
        .args([
            "60",
            "qemu-system-arm",
            "-M",
            "mps2-an385",
            "-nographic",
            "-echr",
            "20",
        ])
        .arg("-semihosting-config")
        .arg(format!("enable=on,target=native,arg=module={module}"))
        .arg("-kernel")
        .arg(elf)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("qemu runs");
    if let Some(mut stdin) = qemu.stdin.take() {
        stdin.write_all(keys).expect("keys reach qemu");
    }
    let run = qemu.wait_with_output().expect("qemu runs");
    (
        String::from_utf8_lossy(&run.stdout).into_owned(),
        run.status.code(),
    )
}

/// Splits the firmware's output into the program's output and its `[fw]` statistics line.
fn split_stats(text: &str) -> (&str, &str) {
    match text.rsplit_once("[fw] ") {
        Some((program, stats)) => (program, stats.trim()),
        None => (text, ""),
    }
}

/// A number that follows `label` in the `[fw]` line.
fn stat(stats: &str, label: &str) -> Option<usize> {
    stats.split(label).nth(1)?.split(' ').next()?.parse().ok()
}

fn size_report(elf: &Path) -> firmware_size::FirmwareSize {
    let bytes = std::fs::read(elf).expect("firmware ELF");
    let size = firmware_size::measure(&bytes, 8).expect("firmware ELF reads");
    print!("{}", firmware_size::render(&size, Some(64 * 1024)));
    size
}

/// The behaviour corpus frozen into one image, linked into the firmware built with
/// `cargo_args` under `target/firmware/<out>`, one QEMU run per program (two at a time):
/// each program with its output before the `[fw]` statistics line, and the whole output.
fn run_corpus(
    out: &str,
    cargo_args: &[&str],
    label: &str,
) -> Vec<(mpy_tests::Program, String, String)> {
    let programs = mpy_tests::behaviour_programs();
    let sources: Vec<(String, String, Vec<u8>)> = programs
        .iter()
        .map(|p| (p.name.clone(), format!("{}.py", p.name), p.source.clone()))
        .collect();
    let heap = corpus_heap();
    let dir = mpy_tests::workspace_root()
        .join("target/firmware")
        .join(out);
    let elf = build_firmware(&freeze_sources(&sources), heap, &dir, cargo_args);
    println!("firmware ({label}, {heap} bytes of heap):");
    size_report(&elf);
    let results = mpy_tests::parallel_map(&programs, |p| run_qemu(&elf, &p.name));
    programs
        .into_iter()
        .zip(results)
        .map(|(p, (text, _))| {
            let got = split_stats(&text).0.to_owned();
            (p, got, text)
        })
        .collect()
}

#[test]
fn firmware_runs_the_app_and_the_behaviour_corpus_on_qemu() {
    if !tools_present() {
        return;
    }
    let root = mpy_tests::workspace_root();
    let out = root.join("target/firmware");

    // The example app, in the default 8 KB heap.
    let app_dir = root.join("examples/firmware-mps2/app");
    let app: Vec<(String, String, Vec<u8>)> = ["main", "helper"]
        .iter()
        .map(|name| {
            let file = format!("{name}.py");
            let source = std::fs::read(app_dir.join(&file)).expect("app source");
            ((*name).to_string(), file, source)
        })
        .collect();
    let elf = build_firmware(&freeze_sources(&app), 8192, &out.join("app"), &[]);
    println!("firmware (app, 8 KB heap):");
    let size = size_report(&elf);
    // No module named: the firmware boots `main` as `__main__`, as a board runs main.py.
    let (text, code) = run_qemu(&elf, "");
    let (program, stats) = split_stats(&text);
    println!("firmware on qemu mps2-an385: [fw] {stats}");
    let expected = std::fs::read_to_string(root.join("examples/firmware-mps2/expected.txt"))
        .expect("expected.txt");
    assert_eq!(code, Some(0), "firmware failed: {text}");
    assert_eq!(program, expected);
    assert!(
        size.image > 0 && size.runtime() > 0,
        "size report lacks the image: {size:?}"
    );
    let per_call = stat(stats, "stack per Python call ").expect("stack statistics");
    assert!(
        per_call < 4096,
        "native stack per Python call grew to {per_call} bytes"
    );

    // The behaviour corpus, one QEMU run per program, two at a time.
    let heap = corpus_heap();
    let runs = run_corpus("corpus", &[], "behaviour corpus");
    let mut identical = 0;
    let mut differ = Vec::new();
    for (p, got, text) in &runs {
        let expected = expected_when_frozen(&p.expected);
        if *got == expected {
            identical += 1;
        } else {
            differ.push(p.name.clone());
            if std::env::var_os("MPY_SHOW_DIFF").is_some() {
                eprintln!("--- {}: expected\n{expected}\n--- got\n{text}", p.name);
            }
        }
    }
    println!(
        "qemu (image, {heap} bytes of heap): identical {identical} / {}",
        runs.len()
    );
    if !differ.is_empty() {
        println!("differ: {differ:?}");
    }
    let floor = mpy_tests::ratchet("runtime.qemu_identical");
    assert!(
        identical as u64 >= floor,
        "behaviour corpus under QEMU regressed: {identical} < floor {floor}"
    );
}

/// The native stack the example firmware gives the VM (`VM_STACK_LIMIT` in its main.rs), and
/// how far past it the deepest step between two checks may reach (the firmware's own frames
/// above the outermost Python frame included).
const FIRMWARE_STACK_LIMIT: usize = 48 * 1024;
const STACK_STEP_ALLOWANCE: usize = 16 * 1024;

/// `tests/firmware/deep_recursion.py` (every kind of deep recursion: Python calls, special
/// methods, nested repr/compare/hash, wrapped iterators, `yield from`, regular expressions)
/// under QEMU: each case ends with a result or an exception, the program runs to its end, and
/// the stack stays within the limit the firmware sets plus one step.
#[test]
fn firmware_bounds_every_deep_recursion_by_its_stack_limit() {
    if !tools_present() {
        return;
    }
    let (elf, source) = build_firmware_program("deep_recursion.py", 64 * 1024, "deep", &[]);
    let (text, code) = run_qemu(&elf, "");
    let (output, stats) = split_stats(&text);
    println!("deep recursion on qemu: [fw] {stats}");
    assert_eq!(code, Some(0), "firmware failed: {text}");
    assert!(
        output.ends_with("done\n"),
        "program did not run to its end:\n{text}"
    );
    assert!(!output.contains("Traceback"), "uncaught exception:\n{text}");
    let cases = output.lines().filter(|l| *l != "done").count();
    let written = String::from_utf8_lossy(&source)
        .lines()
        .filter(|l| l.starts_with("test("))
        .count();
    assert_eq!(cases, written, "not every case ran:\n{text}");
    let peak = stat(stats, "stack peak ").expect("stack statistics");
    assert!(
        peak <= FIRMWARE_STACK_LIMIT + STACK_STEP_ALLOWANCE,
        "stack peak {peak} bytes is past the firmware's limit {FIRMWARE_STACK_LIMIT} + {STACK_STEP_ALLOWANCE}"
    );
}

/// The errors by which a build without the optional features (`float`, `bigint` and the
/// optional modules) refuses a program.
const FEATURE_ERRORS: [&str; 11] = [
    "decimal numbers not supported",
    "result overflows long long storage",
    "negative power with no float support",
    "unsupported types for __truediv__",
    "no module named 'math'",
    "no module named 'array'",
    "no module named 'collections'",
    "no module named 'io'",
    "no module named 'random'",
    "no module named 're'",
    "no module named 'struct'",
];

/// The firmware built with `--no-default-features` (no floats, 64-bit ints, none of the
/// optional modules): its size, and the behaviour corpus on it. Every program must either run identically or stop with one of
/// [`FEATURE_ERRORS`]; the number that runs identically has a floor.
#[test]
fn firmware_without_optional_features_runs_the_rest_of_the_corpus() {
    if !tools_present() {
        return;
    }
    let runs = run_corpus(
        "minimal",
        &["--no-default-features", "--features", "error-messages"],
        "without optional features, behaviour corpus",
    );
    let mut identical = 0;
    let mut refused = 0;
    let mut broken = Vec::new();
    for (p, got, text) in &runs {
        if *got == expected_when_frozen(&p.expected) {
            identical += 1;
        } else if FEATURE_ERRORS.iter().any(|e| got.contains(e)) {
            refused += 1;
        } else {
            broken.push(p.name.clone());
            if std::env::var_os("MPY_SHOW_DIFF").is_some() {
                eprintln!("--- {}: got\n{text}", p.name);
            }
        }
    }
    println!(
        "qemu without optional features: identical {identical} / {}, refused with a feature error {refused}, other {}",
        runs.len(),
        broken.len()
    );
    assert!(
        broken.is_empty(),
        "programs that neither ran identically nor stopped with a feature error: {broken:?}"
    );
    let floor = mpy_tests::ratchet("runtime.qemu_minimal_identical");
    assert!(
        identical as u64 >= floor,
        "minimal firmware regressed: {identical} < floor {floor}"
    );
}

/// `tests/firmware/input.py` on the firmware, `input.keys` typed into its UART: `input()` echoes and
/// edits the line as MicroPython's readline does on a board (the echo was compared with
/// readline.c's by hand), Ctrl-D and Ctrl-C on an empty line raise, and `sys.stdin` reads
/// text by characters and `sys.stdin.buffer` bytes, with `\r` as `\n`.
#[test]
fn firmware_reads_input_from_its_uart() {
    if !tools_present() {
        return;
    }
    let root = mpy_tests::workspace_root();
    let expected = std::fs::read(root.join("runtime-min/tests/firmware/input.expected"))
        .expect("input.expected");
    let (elf, _) = build_firmware_program("input.py", 8 * 1024, "input", &[]);
    let keys = std::fs::read(root.join("runtime-min/tests/firmware/input.keys")).expect("keys");
    let (text, code) = run_qemu_typing(&elf, "", &keys);
    assert_eq!(code, Some(0), "firmware failed: {text}");
    assert_eq!(
        split_stats(&text).0,
        String::from_utf8_lossy(&expected),
        "output:\n{text}"
    );
}

/// The firmware built with `--no-default-features` (without `error-messages`, as
/// MicroPython's `MICROPY_ERROR_REPORTING_NONE`) runs `tests/firmware/bare_errors.py`: the
/// errors the VM raises come without arguments, values (a KeyError's key) and the arguments
/// Python code gives stay. Prints the firmware's size.
#[test]
fn firmware_without_error_messages_raises_bare_errors() {
    if !tools_present() {
        return;
    }
    let expected_path =
        mpy_tests::workspace_root().join("runtime-min/tests/firmware/bare_errors.expected");
    let expected = std::fs::read_to_string(expected_path).expect("bare_errors.expected");
    let (elf, _) = build_firmware_program(
        "bare_errors.py",
        8 * 1024,
        "bare",
        &["--no-default-features"],
    );
    println!("firmware without error messages or optional features:");
    size_report(&elf);
    let (text, code) = run_qemu(&elf, "");
    assert_eq!(code, Some(0), "firmware failed: {text}");
    assert_eq!(split_stats(&text).0, expected, "output:\n{text}");
}
