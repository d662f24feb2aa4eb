//! The parser against the oracle over CPython's standard library: every file the oracle
//! compiles must parse; every file the oracle rejects with a lexer/parser-level error must
//! fail with the same class, message and line; files rejected later (by the compiler) must
//! parse.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use mpy_cross::parse::{parse_deferring_unicode_errors, InputKind, ParseOptions};
use mpy_cross::qstr::QstrPool;
use mpy_cross::Traceback;

/// Messages that only the lexer and parser produce.
const PARSER_MESSAGES: [&str; 9] = [
    "invalid syntax",
    "unexpected indent",
    "unindent doesn't match any outer indent level",
    "malformed f-string",
    "unicode name escapes",
    "not a constant",
    "invalid syntax for integer",
    "invalid syntax for number",
    "memory allocation failed",
];

/// What happened to one file: `None` for success, else (class, message, line).
type Outcome = Option<(String, String, u32)>;

fn oracle_outcome(oracle: &Path, file: &Path) -> Outcome {
    let out = Command::new(oracle)
        .arg("-o")
        .arg("/dev/null")
        .arg(file)
        .output()
        .expect("oracle runs");
    if out.status.success() {
        return None;
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().next_back().unwrap_or_default();
    let (class, message) = last.split_once(": ").unwrap_or((last, ""));
    let line = stderr
        .lines()
        .filter_map(|l| l.split_once(", line ").map(|(_, rest)| rest))
        .filter_map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .next_back()
        .unwrap_or(0);
    Some((class.to_owned(), message.to_owned(), line))
}

fn our_outcome(file: &Path) -> Outcome {
    let source = std::fs::read(file).expect("readable");
    let mut qstrs = QstrPool::new();
    // the reference interns the file name before parsing
    qstrs.intern(file.to_string_lossy().as_bytes());
    // Invalid UTF-8 in literals is a compile-level refusal made after everything else
    // (see `mpy_tests::STDLIB_ALLOW_LIST`); the tree itself must still match the reference's.
    match parse_deferring_unicode_errors(
        &source,
        InputKind::File,
        &ParseOptions::default(),
        &mut qstrs,
    ) {
        Ok(_) => None,
        Err(e) => {
            // the line the reference prints (none for errors without a traceback)
            let line = if e.traceback == Traceback::None {
                0
            } else {
                e.line
            };
            Some((e.class.name().to_owned(), e.message, line))
        }
    }
}

fn in_parallel<T: Send>(files: &[PathBuf], f: impl Fn(&Path) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|c| s.spawn(|| c.iter().map(|p| f(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    })
}

#[test]
fn parser_matches_oracle_on_stdlib() {
    let files = mpy_tests::stdlib_corpus();
    assert!(!files.is_empty(), "no stdlib corpus");

    let start = Instant::now();
    let ours = in_parallel(&files, our_outcome);
    let parse_time = start.elapsed();
    println!("parsed {} files in {parse_time:?}", files.len());

    let Some(oracle) = mpy_tests::oracle_mpy_cross() else {
        // no oracle here: only check that nothing fails unexpectedly hard
        let failed = ours.iter().filter(|o| o.is_some()).count();
        println!("no oracle; {failed} files rejected by the parser");
        return;
    };
    let theirs = in_parallel(&files, |p| oracle_outcome(&oracle, p));

    let mut agree = 0;
    let (mut compiled, mut parser_errors, mut later_errors) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for ((file, ours), theirs) in files.iter().zip(&ours).zip(&theirs) {
        let expected = match theirs {
            None => {
                compiled += 1;
                None
            }
            Some((_, message, _)) if PARSER_MESSAGES.iter().any(|m| message.starts_with(m)) => {
                parser_errors += 1;
                theirs.clone()
            }
            Some(_) => {
                later_errors += 1;
                None
            }
        };
        if *ours == expected {
            agree += 1;
        } else {
            disagreements.push(format!(
                "{}: ours {ours:?}, oracle {theirs:?}",
                file.display()
            ));
        }
    }
    println!(
        "parser agrees with the oracle on {agree} / {} files ({compiled} compiled, {parser_errors} parser errors, \
         {later_errors} compiler errors)",
        files.len()
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
