//! Fuzz target: the lexer and parser must return a tree or an error for any bytes, at
//! every optimisation level and small-int width, without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpy_cross::parse::{parse, InputKind, ParseOptions};
use mpy_cross::qstr::QstrPool;

fuzz_target!(|data: &[u8]| {
    let (options, source) = match data.split_first() {
        Some((&flags, rest)) => (
            ParseOptions {
                optimize: flags & 3,
                small_int_bits: 8 + (flags >> 2) % 56,
            },
            rest,
        ),
        None => (ParseOptions::default(), data),
    };
    let mut qstrs = QstrPool::new();
    let input = if options.optimize == 3 {
        InputKind::Single
    } else {
        InputKind::File
    };
    if let Ok(tree) = parse(source, input, &options, &mut qstrs) {
        let _ = mpy_cross::parse::print::print_tree(&tree, &qstrs);
    }
});
