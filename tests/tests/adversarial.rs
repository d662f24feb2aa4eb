//! Hostile inputs (`mpy_tests::adversarial`) through OUR compiler on a normal 2 MiB thread stack:
//! no panic, no crash (stack overflow, abort), and the expected `Ok`/`Err`.
//!
//! Each case runs in a child process (this test binary re-run with `MPY_ADVERSARIAL_CASE`), so a
//! stack overflow is measured as a failure instead of killing the test run. Cases are ratcheted
//! one by one (`[adversarial]` in `tests/ratchet.toml`, 1 = must pass).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mpy_tests::adversarial::{cases, Case, Expect};
use mpy_tests::{compile_with_ours, ratchet};

/// The stack every case is compiled on: the default for a spawned Rust thread / test thread.
const STACK_BYTES: usize = 2 * 1024 * 1024;
/// Wall-time limit per case.
const CASE_TIMEOUT: Duration = Duration::from_secs(60);
/// The line the child prints with its verdict.
const MARKER: &str = "ADVERSARIAL-RESULT:";
const CHILD_ENV: &str = "MPY_ADVERSARIAL_CASE";

/// Child mode: compile one case on a 2 MiB stack and print `MARKER ok|err|panic ...`.
/// A no-op in a normal test run.
#[test]
fn adversarial_child() {
    let Ok(name) = std::env::var(CHILD_ENV) else {
        return;
    };
    let case = cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("known case");
    let verdict = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let options = mpy_cross::CompileOptions {
                source_name: format!("{}.py", case.name),
                ..Default::default()
            };
            match compile_with_ours(&case.source(), &options) {
                Ok(bytes) => format!("ok {} bytes fnv {:016x}", bytes.len(), fnv1a(&bytes)),
                Err(e) if e.starts_with("panic: ") => format!("panic {e}"),
                Err(e) => format!("err {}", e.chars().take(200).collect::<String>()),
            }
        })
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| "panic (thread)".to_string());
    println!("\n{MARKER} {verdict}");
}

/// FNV-1a, 64-bit: a fingerprint of an output the child cannot easily send back whole.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Cases the oracle handles in well under a second: for these, ours is also compared with the
/// oracle (same bytes, or same `Class: message` and line), reported but not asserted: the
/// ratchet is about robustness, byte identity is `compiler_stdlib`'s job.
const ORACLE_QUICK: &[&str] = &[
    "invalid_utf8_string",
    "nul_byte",
    "nul_in_string",
    "chained_plus",
    "bom_crlf",
    "unterminated_string",
    "unterminated_triple",
    "inconsistent_dedent",
    "tab_space_mix",
    "form_feed",
    "long_identifier",
    "huge_list_literal",
    "deep_defs",
    "empty",
    "comment_without_newline",
    "lone_surrogate_escape",
    "nested_fstrings",
];

/// Whether our verdict matches what the oracle did with the same source.
fn same_as_oracle(case: &Case, verdict: &str) -> bool {
    match mpy_tests::oracle_compile(&case.source(), &format!("{}.py", case.name), &[]) {
        Ok(bytes) => {
            verdict.starts_with("ok ") && verdict.ends_with(&format!("fnv {:016x}", fnv1a(&bytes)))
        }
        Err(text) => {
            // The oracle prints `[Traceback ...\n  File "x.py", line N\n]Class: message`.
            let message = text.trim_end().lines().last().unwrap_or_default();
            let line = text
                .lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("File ")
                        .and_then(|r| r.split(", line ").nth(1))
                })
                .and_then(|r| r.split(',').next())
                .unwrap_or("0");
            verdict == format!("err {message} (line {line})")
        }
    }
}

/// Runs one case in a child process; returns its verdict line or why there is none.
fn run_child(name: &str) -> String {
    let exe = std::env::current_exe().expect("test binary path");
    let mut child = Command::new(exe)
        .args([
            "adversarial_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, name)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("re-run the test binary");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait on child") {
            break Some(status);
        }
        if started.elapsed() > CASE_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = reader.join().unwrap_or_default();
    let verdict = text
        .lines()
        .find_map(|l| l.split_once(MARKER).map(|(_, v)| v))
        .map(|v| v.trim().to_string());
    match (status, verdict) {
        (None, _) => format!("timeout after {} s", CASE_TIMEOUT.as_secs()),
        (Some(_), Some(v)) => v,
        (Some(s), None) => {
            format!(
                "crash ({s}; stack overflow or abort): {:?}",
                text.chars().take(300).collect::<String>()
            )
        }
    }
}

#[test]
fn adversarial_inputs_do_not_crash_our_compiler() {
    if std::env::var(CHILD_ENV).is_ok() {
        return;
    }
    let all = cases();
    // All children at once: each is one thread, mostly waiting on the OS.
    let verdicts: Vec<(String, Duration)> = std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .iter()
            .map(|case| {
                scope.spawn(move || {
                    let started = Instant::now();
                    let verdict = run_child(case.name);
                    (verdict, started.elapsed())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("case thread"))
            .collect()
    });

    let mut passed = 0;
    let mut regressions = Vec::new();
    let oracle = mpy_tests::oracle_mpy_cross().is_some();
    let mut same_count = 0;
    for (case, (verdict, took)) in all.iter().zip(&verdicts) {
        let pass = match case.expect {
            Expect::Compiles => verdict.starts_with("ok "),
            Expect::Rejects => verdict.starts_with("err "),
            Expect::Either => verdict.starts_with("ok ") || verdict.starts_with("err "),
        };
        passed += usize::from(pass);
        println!(
            "{} {:<20} expect {:<8} got {} ({:.1} s)",
            if pass { "pass" } else { "FAIL" },
            case.name,
            format!("{:?}", case.expect),
            verdict,
            took.as_secs_f64()
        );
        if oracle && ORACLE_QUICK.contains(&case.name) {
            let same = same_as_oracle(case, verdict);
            same_count += usize::from(same);
            println!(
                "  {}: same result as the oracle: {}",
                case.name,
                if same { "yes" } else { "NO" }
            );
        }
        let floor = ratchet(&format!("adversarial.{}", case.name));
        if !pass && floor >= 1 {
            regressions.push(format!("{}: {verdict}", case.name));
        } else if pass && floor == 0 {
            println!(
                "  ratchet: set adversarial.{} = 1 in tests/ratchet.toml",
                case.name
            );
        }
    }
    println!("adversarial (ours): pass {passed} / {}", all.len());
    if oracle {
        println!(
            "adversarial (ours): same result as the oracle {same_count} / {}",
            ORACLE_QUICK.len()
        );
        let floor = ratchet("adversarial.same_as_oracle");
        if same_count as u64 > floor {
            println!(
                "  ratchet: raise adversarial.same_as_oracle in tests/ratchet.toml to {same_count}"
            );
        }
        if (same_count as u64) < floor {
            regressions.push(format!(
                "same result as the oracle: {same_count} < floor {floor}"
            ));
        }
    }
    assert!(
        regressions.is_empty(),
        "adversarial cases that must pass failed:\n{}",
        regressions.join("\n")
    );
}
