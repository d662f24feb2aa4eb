//! Golden parse trees: every `tests/parser/*.py` is parsed and printed (or its error shown)
//! and compared with the `.tree` file next to it. The expected trees were checked against
//! a debug build of the reference's `mp_parse_node_print`. `MPY_BLESS=1` rewrites them.

use std::path::Path;

use mpy_cross::parse::print::print_tree;
use mpy_cross::parse::{parse, parse_deferring_unicode_errors, InputKind, ParseOptions};
use mpy_cross::qstr::QstrPool;
use mpy_cross::Traceback;

fn render(source: &[u8]) -> String {
    let mut qstrs = QstrPool::new();
    // The tree is printed even when the compiler will refuse the file for invalid UTF-8 in a
    // literal (that refusal comes after compiling); the deferred error is shown after it.
    match parse_deferring_unicode_errors(
        source,
        InputKind::File,
        &ParseOptions::default(),
        &mut qstrs,
    ) {
        Ok((tree, None)) => print_tree(&tree, &qstrs),
        Ok((tree, Some(e))) => format!(
            "{}DEFERRED {}: {} (line {})\n",
            print_tree(&tree, &qstrs),
            e.class.name(),
            e.message,
            e.line
        ),
        Err(e) => {
            let line = if e.traceback == Traceback::None {
                0
            } else {
                e.line
            };
            format!("ERROR {}: {} (line {line})\n", e.class.name(), e.message)
        }
    }
}

#[test]
fn golden_trees() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser");
    let bless = std::env::var_os("MPY_BLESS").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/parser exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 60, "golden inputs missing");
    let mut mismatches = Vec::new();
    for input in &inputs {
        let source = std::fs::read(input).expect("readable");
        let got = render(&source);
        let expected_path = input.with_extension("tree");
        if bless {
            std::fs::write(&expected_path, &got).expect("writable");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            mismatches.push(input.display().to_string());
        }
    }
    println!(
        "golden parse trees: {} / {} identical",
        inputs.len() - mismatches.len(),
        inputs.len()
    );
    assert!(
        mismatches.is_empty(),
        "trees differ (MPY_BLESS=1 to update): {mismatches:#?}"
    );
}

#[test]
fn small_int_bits_decide_small_ints() {
    let src = b"x = 20000\n";
    let mut qstrs = QstrPool::new();
    let options = ParseOptions {
        optimize: 0,
        small_int_bits: 15,
    };
    let tree = parse(src, InputKind::File, &options, &mut qstrs).expect("parses");
    assert!(print_tree(&tree, &qstrs).contains("literal const=20000"));
    let tree = parse(src, InputKind::File, &ParseOptions::default(), &mut qstrs).expect("parses");
    assert!(print_tree(&tree, &qstrs).contains("int(20000)"));
}

/// py/objint_mpz.c's `-` and `~` of a big int object give a big int object, never normalised
/// to a small int: with 63-bit small ints `-(2**62)` (the smallest one) stays a constant
/// object, while a binary operation with the same value gives a small int.
#[test]
fn unary_minus_of_a_big_int_stays_an_object() {
    let mut qstrs = QstrPool::new();
    let options = ParseOptions {
        optimize: 0,
        small_int_bits: 63,
    };
    for (src, want) in [
        (&b"x = -2**62\n"[..], "literal const=-4611686018427387904"),
        (
            b"x = -4611686018427387904\n",
            "literal const=-4611686018427387904",
        ),
        (b"x = ~-2**62\n", "literal const=4611686018427387903"),
        (b"x = -2**62 + 0\n", "int(-4611686018427387904)"),
        (b"x = -2**61\n", "int(-2305843009213693952)"),
    ] {
        let tree = parse(src, InputKind::File, &options, &mut qstrs).expect("parses");
        let printed = print_tree(&tree, &qstrs);
        assert!(
            printed.contains(want),
            "{}: {printed}",
            String::from_utf8_lossy(src)
        );
    }
}

#[test]
fn debug_depends_on_optimisation_level() {
    let src = b"x = __debug__\n";
    let mut qstrs = QstrPool::new();
    let o0 = parse(src, InputKind::File, &ParseOptions::default(), &mut qstrs).expect("parses");
    let o1 = parse(
        src,
        InputKind::File,
        &ParseOptions {
            optimize: 1,
            small_int_bits: 31,
        },
        &mut qstrs,
    )
    .expect("parses");
    let true_tok = format!("tok({})", mpy_cross::lexer::TokenKind::KW_TRUE as u8);
    let false_tok = format!("tok({})", mpy_cross::lexer::TokenKind::KW_FALSE as u8);
    assert!(print_tree(&o0, &qstrs).contains(&true_tok));
    assert!(print_tree(&o1, &qstrs).contains(&false_tok));
}

#[test]
fn long_strings_are_qstrs_only_if_already_known() {
    let src = b"a = \"abcdefghijklm\"\nabcdefghijklm = 1\nb = \"abcdefghijklm\"\nc = \"AssertionError\"\n";
    let mut qstrs = QstrPool::new();
    let tree = parse(src, InputKind::File, &ParseOptions::default(), &mut qstrs).expect("parses");
    let text = print_tree(&tree, &qstrs);
    // first: an object (before the identifier exists); then a qstr; a built-in name is a qstr
    assert!(
        text.contains("literal const=str(6162636465666768696a6b6c6d)"),
        "{text}"
    );
    assert!(text.contains("str(abcdefghijklm)"), "{text}");
    assert!(text.contains("str(AssertionError)"), "{text}");
}
