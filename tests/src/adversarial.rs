//! Generators for hostile compiler inputs (deep nesting, huge literals, bad bytes), with what the
//! reference `mpy-cross` 1.29 does on each (measured; see `tests/adversarial/README.md`).
//!
//! The inputs are generated, not stored (one is 10 MB). `cargo run -p mpy-tests --bin
//! gen-adversarial -- DIR` writes them to `DIR` for use with other tools.

/// What a correct compiler must do with an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The reference compiles it: ours must return `Ok`.
    Compiles,
    /// The reference rejects it: ours must return `Err`.
    Rejects,
    /// Legal Python that the reference only fails on because its 2 MiB heap runs out: `Ok` or
    /// `Err` are both acceptable, a panic or a crash is not.
    Either,
}

/// One adversarial input.
#[derive(Clone, Debug)]
pub struct Case {
    /// Short identifier, also the ratchet key (`adversarial.<name>`) and file stem.
    pub name: &'static str,
    /// What the input is.
    pub description: &'static str,
    /// What the reference does with it (exit code and message, default options).
    pub reference: &'static str,
    /// What our compiler must do.
    pub expect: Expect,
    /// The source bytes.
    pub source: Vec<u8>,
}

/// Nesting depth of the bracket cases.
pub const DEEP_NESTING: usize = 200_000;
/// Length of the huge string literal's body.
pub const HUGE_STRING_BYTES: usize = 10 * 1024 * 1024;
/// Digits of the huge integer literal.
pub const HUGE_INT_DIGITS: usize = 100_000;
/// Number of `+` operators in the chained-addition cases.
pub const CHAINED_PLUS: usize = 100_000;
/// Nesting depth of the `if` case.
pub const NESTED_IFS: usize = 10_000;

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> Vec<u8> {
    let mut s = String::with_capacity(8 + depth * (open.len() + close.len()) + inner.len());
    s.push_str("x = ");
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s.push_str("\nprint(x)\n");
    s.into_bytes()
}

fn chained_plus(operand: &str) -> Vec<u8> {
    let mut s = String::from("a = 1\nx = ");
    s.push_str(operand);
    for _ in 0..CHAINED_PLUS {
        s.push_str(" + ");
        s.push_str(operand);
    }
    s.push_str("\nprint(x)\n");
    s.into_bytes()
}

/// Every adversarial case, generated.
#[must_use]
pub fn cases() -> Vec<Case> {
    let mut huge_string = Vec::with_capacity(HUGE_STRING_BYTES + 32);
    huge_string.extend_from_slice(b"s = '");
    huge_string.resize(huge_string.len() + HUGE_STRING_BYTES, b'a');
    huge_string.extend_from_slice(b"'\nprint(len(s))\n");

    let mut huge_int = b"n = ".to_vec();
    huge_int.extend((0..HUGE_INT_DIGITS).map(|i| b"7130524689"[i % 10]));
    huge_int.extend_from_slice(b"\nprint(n % 1000)\n");

    let mut deep_ifs = String::new();
    for depth in 0..NESTED_IFS {
        deep_ifs.push_str(&" ".repeat(depth));
        deep_ifs.push_str("if True:\n");
    }
    deep_ifs.push_str(&" ".repeat(NESTED_IFS));
    deep_ifs.push_str("print('deep')\n");

    vec![
        Case {
            name: "deep_parens",
            description: "200,000 nested parentheses around `1`",
            reference: "exit 1, `MemoryError: memory allocation failed, allocating 2078720 bytes` (default heap)",
            expect: Expect::Rejects,
            source: nested("(", "1", ")", DEEP_NESTING),
        },
        Case {
            name: "deep_lists",
            description: "200,000 nested list displays `[[[...]]]`",
            reference: "exit 1, `MemoryError: memory allocation failed, allocating 2078720 bytes` (default heap)",
            expect: Expect::Rejects,
            source: nested("[", "", "]", DEEP_NESTING),
        },
        Case {
            name: "huge_string",
            description: "a 10 MiB string literal",
            reference: "exit 1, `MemoryError: ` after ~10 s (default heap)",
            expect: Expect::Either,
            source: huge_string,
        },
        Case {
            name: "huge_int",
            description: "a 100,000-digit integer literal",
            reference: "exit 0 after ~13 s; the int is stored as a 100,000-character decimal object",
            expect: Expect::Compiles,
            source: huge_int,
        },
        Case {
            name: "invalid_utf8_string",
            description: "bytes ff fe c3 28 (invalid UTF-8) inside a str literal",
            reference: "exit 0; the bytes are stored verbatim in the str constant",
            expect: Expect::Compiles,
            source: b"s = '\xff\xfe\xc3('\nprint(len(s))\n".to_vec(),
        },
        Case {
            name: "nul_byte",
            description: "a NUL byte in the middle of a line of code",
            reference: "exit 1, `SyntaxError: invalid syntax` at line 1",
            expect: Expect::Rejects,
            source: b"x = 1\x00\nprint(x)\n".to_vec(),
        },
        Case {
            name: "nul_in_string",
            description: "a NUL byte inside a str literal",
            reference: "exit 0; the NUL is part of the constant",
            expect: Expect::Compiles,
            source: b"x = 'a\x00b'\nprint(len(x))\n".to_vec(),
        },
        Case {
            name: "chained_plus",
            description: "100,000 chained `+` of the constant 1 (`1 + 1 + ...`)",
            reference: "exit 0 in ~1 s; constant-folded to 100001",
            expect: Expect::Compiles,
            source: chained_plus("1"),
        },
        Case {
            name: "chained_plus_names",
            description: "100,000 chained `+` of a name (`a + a + ...`)",
            reference: "exit 1, `MemoryError: memory allocation failed, allocating 1600032 bytes` (default heap); \
                        compiles with `-X heapsize=512M`",
            expect: Expect::Either,
            source: chained_plus("a"),
        },
        Case {
            name: "deep_ifs",
            description: "10,000 nested `if True:` blocks (one-space indentation steps)",
            reference: "exit 0 after ~20 s",
            expect: Expect::Compiles,
            source: deep_ifs.into_bytes(),
        },
    ]
}
