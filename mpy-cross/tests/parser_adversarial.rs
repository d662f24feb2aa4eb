//! Hostile inputs for the lexer and parser: deep nesting, huge literals, invalid UTF-8, NUL
//! bytes and random bytes must give a tree or a located error, never a panic or a stack
//! overflow.

use mpy_cross::parse::{parse, InputKind, Node, ParseOptions};
use mpy_cross::qstr::QstrPool;
use mpy_cross::{CompileError, ErrorClass};

fn parse_file(source: &[u8]) -> Result<Node, CompileError> {
    let mut qstrs = QstrPool::new();
    parse(
        source,
        InputKind::File,
        &ParseOptions::default(),
        &mut qstrs,
    )
}

/// Runs `f` on a thread with a small (1 MiB) stack, so any recursion on deep input shows.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("thread spawns")
        .join()
        .expect("no panic or overflow")
}

#[test]
fn deep_parentheses_give_memory_error() {
    let n = 200_000;
    let src = format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    let err = on_small_stack(move || parse_file(src.as_bytes()).expect_err("too deep"));
    assert_eq!(err.class, ErrorClass::MemoryError);
    assert_eq!(
        err.message,
        "memory allocation failed, allocating 2078720 bytes"
    );
    assert!(err.span.is_some());
}

#[test]
fn moderately_deep_nesting_parses_and_drops_iteratively() {
    // As deep as the reference accepts: a 7,000-level list nest and a 30,000-deep unary chain.
    let lists = format!("x = {}1{}\n", "[".repeat(7000), "]".repeat(7000));
    let unary = format!("x = {}a\n", "-".repeat(30_000));
    let tuples = format!("x = {}1{}\n", "(".repeat(7000), ",)".repeat(7000));
    on_small_stack(move || {
        for src in [lists, unary, tuples] {
            let tree = parse_file(src.as_bytes()).expect("parses");
            drop(tree);
        }
    });
}

#[test]
fn huge_literals() {
    let digits = "7".repeat(100_000);
    let src = format!(
        "x = {digits}\ny = \"{}\"\nz = {digits}.5e-3\n",
        "s".repeat(1 << 20)
    );
    let tree = parse_file(src.as_bytes()).expect("parses");
    drop(tree);
    // wide is fine: the reference parses a 100,000-term sum
    let sum: Vec<String> = (0..100_000).map(|i| i.to_string()).collect();
    let src = format!("x = {}\n", sum.join(" + "));
    assert!(parse_file(src.as_bytes()).is_ok());
    // folding refuses results beyond the reference's heap instead of allocating them
    let tree = parse_file(b"x = 1 << 100000000\ny = 10 ** 100000000\n").expect("parses");
    drop(tree);
}

#[test]
fn invalid_utf8_and_nul_bytes() {
    // invalid UTF-8 in a str literal or a name is refused (the reference writes broken strs)
    let err = parse_file(b"x = \"\xff\xfe\"\ny\xff = 1\n").expect_err("invalid UTF-8");
    assert_eq!(
        (err.class, err.message.as_str(), err.line),
        (
            ErrorClass::UnicodeError,
            "invalid UTF-8 in string literal",
            1
        )
    );
    let err = parse_file(b"x = 1\ny\xff = 1\n").expect_err("invalid UTF-8");
    assert_eq!(
        (err.message.as_str(), err.line),
        ("invalid UTF-8 in identifier", 2)
    );
    // an unknown escape before a multi-byte character: the reference splits the character
    let err = parse_file("x = \"\\\u{41f}\"\n".as_bytes()).expect_err("split character");
    assert_eq!(
        err.message,
        "unrecognised escape before a non-ASCII character in string literal"
    );
    // escaped surrogates and bytes literals are fine
    assert!(parse_file(b"x = \"\\ud800\"\ny = b\"\xff\"\n").is_ok());
    // a NUL byte is an invalid token on its line
    let err = parse_file(b"x = 1\n\x00y = 2\n").expect_err("NUL is invalid");
    assert_eq!(
        (err.class, err.message.as_str(), err.line),
        (ErrorClass::SyntaxError, "invalid syntax", 2)
    );
}

#[test]
fn error_locations() {
    let err = parse_file(b"if x:\n    a\n  b\n").expect_err("bad dedent");
    assert_eq!(err.class, ErrorClass::IndentationError);
    assert_eq!(err.message, "unindent doesn't match any outer indent level");
    assert_eq!(err.line, 2);
    let err = parse_file(b"x = \"\\N{DASH}\"\n").expect_err("name escape");
    assert_eq!(err.class, ErrorClass::NotImplementedError);
    assert_eq!(err.line, 1);
    assert_eq!(err.traceback, mpy_cross::Traceback::None);
    let err = parse_file(b"x = 1\ny = 0o9\n").expect_err("bad octal");
    assert_eq!(err.message, "invalid syntax for integer with base 8: '9'");
    assert_eq!(err.line, 2);
    assert_eq!(err.span, Some(10..13));
}

#[test]
fn identifiers_longer_than_255_bytes_are_rejected() {
    let ok = format!("{} = 1\n", "x".repeat(255));
    assert!(parse_file(ok.as_bytes()).is_ok());
    let long = format!("y = 2\n{} = 1\n", "x".repeat(256));
    let err = parse_file(long.as_bytes()).expect_err("name too long");
    assert_eq!(
        (err.class, err.message.as_str()),
        (ErrorClass::RuntimeError, "name too long")
    );
    assert_eq!(err.traceback, mpy_cross::Traceback::None);
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
}

#[test]
fn random_bytes_never_panic() {
    const ALPHABET: &[u8] = b"()[]{}:;,.=+-*/%<>!~&|^@'\"\\#\n\t rfbtuxj0123456789eE_{}ifdefclassf'{x}'t'{y!r:>{z}}'\x00\xff\r";
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut errors = 0;
    let n = 4000;
    for _ in 0..n {
        let len = (rng.next() % 80) as usize;
        let src: Vec<u8> = (0..len)
            .map(|_| {
                let r = rng.next();
                if r % 7 == 0 {
                    (r >> 8) as u8
                } else {
                    ALPHABET[(r >> 8) as usize % ALPHABET.len()]
                }
            })
            .collect();
        if parse_file(&src).is_err() {
            errors += 1;
        }
    }
    println!("random inputs: {n}, rejected {errors}");
    assert!(errors > 0);
}
